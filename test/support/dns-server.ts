// A tiny authoritative DNS server on loopback UDP for ownership-proof tests (TXT and CNAME only), so the DNS
// method is tested against real DNS packets through Node's resolver (c-ares), pointed here with setServers /
// PLUMB_DNS_SERVERS. A TXT query on an alias answers the CNAME plus the target's TXT records, as a recursive
// resolver would. Unknown names answer NXDOMAIN; known names without the asked type answer NODATA.
import dgram from "node:dgram";
import type { AddressInfo } from "node:net";

export interface DnsZone {
  [name: string]: { txt?: string[]; cname?: string };
}

export interface DnsServer {
  /** "127.0.0.1:PORT" for setServers / PLUMB_DNS_SERVERS */
  address: string;
  zone: DnsZone;
  queries: { name: string; type: number }[];
  close(): Promise<void>;
}

const TYPE_CNAME = 5;
const TYPE_TXT = 16;

function readName(buf: Buffer, offset: number): { name: string; next: number } {
  const labels: string[] = [];
  let i = offset;
  while (buf[i] !== 0) {
    const len = buf[i];
    labels.push(buf.subarray(i + 1, i + 1 + len).toString("ascii"));
    i += len + 1;
  }
  return { name: labels.join(".").toLowerCase(), next: i + 1 };
}

function encodeName(name: string): Buffer {
  const parts = name.split(".").filter(Boolean).map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, "ascii")]));
  return Buffer.concat([...parts, Buffer.from([0])]);
}

function record(name: string, type: number, rdata: Buffer): Buffer {
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(type, 0);
  fixed.writeUInt16BE(1, 2); // IN
  fixed.writeUInt32BE(60, 4);
  fixed.writeUInt16BE(rdata.length, 8);
  return Buffer.concat([encodeName(name), fixed, rdata]);
}

function txtData(value: string): Buffer {
  const chunks: Buffer[] = [];
  const bytes = Buffer.from(value, "utf8");
  for (let i = 0; i < bytes.length || i === 0; i += 255) {
    const part = bytes.subarray(i, i + 255);
    chunks.push(Buffer.from([part.length]), part);
    if (bytes.length === 0) break;
  }
  return Buffer.concat(chunks);
}

export async function startDnsServer(zone: DnsZone = {}): Promise<DnsServer> {
  const socket = dgram.createSocket("udp4");
  const queries: DnsServer["queries"] = [];
  socket.on("message", (msg, rinfo) => {
    if (msg.length < 12) return;
    const { name, next } = readName(msg, 12);
    const type = msg.readUInt16BE(next);
    queries.push({ name, type });
    const question = msg.subarray(12, next + 4);
    const entry = zone[name];
    const answers: Buffer[] = [];
    if (entry?.cname) {
      answers.push(record(name, TYPE_CNAME, encodeName(entry.cname)));
      const target = zone[entry.cname.toLowerCase()];
      if (type === TYPE_TXT) for (const t of target?.txt ?? []) answers.push(record(entry.cname, TYPE_TXT, txtData(t)));
    } else if (entry && type === TYPE_TXT) {
      for (const t of entry.txt ?? []) answers.push(record(name, TYPE_TXT, txtData(t)));
    }
    const header = Buffer.alloc(12);
    msg.copy(header, 0, 0, 2); // id
    header.writeUInt16BE(0x8180 | (msg.readUInt16BE(2) & 0x0100) | (entry ? 0 : 3), 2); // QR AA? RD RA, NXDOMAIN when unknown
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    socket.send(Buffer.concat([header, question, ...answers]), rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  const { port } = socket.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    zone,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
