/** Bar/point colours by score band; the number is always printed too, colour is never the only signal. */
export function scoreFill(score: number): string {
  if (score >= 90) return "#15803d"; // green-700
  if (score >= 75) return "#4338ca"; // indigo-700
  if (score >= 50) return "#b45309"; // amber-700
  return "#b91c1c"; // red-700
}
