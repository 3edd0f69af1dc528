// EcoIndex (ecoindex.fr, GreenIT / cnumr method): a page's environmental footprint from three
// measures — DOM elements, HTTP requests, transferred kB — each placed among the quantiles the
// method publishes (from the HTTP Archive), weighted 3/2/1, as a score out of 100 and a grade A–G.
// Our own implementation of the published method, to avoid a non-free dependency.

const quantiles = {
  dom: [
    0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801,
    2479, 594601,
  ],
  requests: [
    0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920,
  ],
  kB: [
    0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27,
    1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26,
  ],
};

/** Where `value` sits among the quantiles: its interval's index plus the fraction within it. */
function position(value, bounds) {
  for (let i = 1; i < bounds.length; i++) {
    if (value <= bounds[i]) return i - 1 + (value - bounds[i - 1]) / (bounds[i] - bounds[i - 1]);
  }
  return bounds.length - 1;
}

const grades = [
  [80, 'A'],
  [70, 'B'],
  [55, 'C'],
  [40, 'D'],
  [25, 'E'],
  [10, 'F'],
];

/** `{ score, grade }` for a page of `dom` elements, `requests` requests and `kB` transferred. */
export function ecoIndex({ dom, requests, kB }) {
  const weighted =
    (3 * position(dom, quantiles.dom) +
      2 * position(requests, quantiles.requests) +
      position(kB, quantiles.kB)) /
    6;
  const score = Math.max(0, Math.round(100 - 5 * weighted));
  const grade = grades.find(([min]) => score > min)?.[1] ?? 'G';
  return { score, grade };
}
