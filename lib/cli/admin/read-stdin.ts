/** First line of stdin, so a password need not appear in `ps` or shell history (`… --password-stdin < file`). */
export async function readPasswordFromStdin(): Promise<string> {
  let data = "";
  for await (const chunk of process.stdin) {
    data += String(chunk);
    if (data.includes("\n") || data.length > 4096) break;
  }
  return data.split(/\r?\n/)[0] ?? "";
}
