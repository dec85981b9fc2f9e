# Draws the package icon: a small layered network (3 inputs, 4 hidden, 1 output) on a dark tile.
import zlib, struct, math
N = 128
S = 4  # supersampling
W = N * S
bg = (28, 43, 74); edge = (120, 170, 230); node = (250, 200, 60); out = (90, 220, 140)
img = [[bg for _ in range(W)] for _ in range(W)]
def layer(xs, count):
    return [(xs * W, W * (i + 1) / (count + 1)) for i in range(count)]
L = [layer(0.2, 3), layer(0.5, 4), layer(0.8, 1)]
def seg(p, q, width, color):
    (x0, y0), (x1, y1) = p, q
    minx, maxx = int(min(x0, x1) - width), int(max(x0, x1) + width)
    miny, maxy = int(min(y0, y1) - width), int(max(y0, y1) + width)
    dx, dy = x1 - x0, y1 - y0; ll = dx*dx + dy*dy
    for y in range(max(0, miny), min(W, maxy + 1)):
        for x in range(max(0, minx), min(W, maxx + 1)):
            t = max(0, min(1, ((x - x0) * dx + (y - y0) * dy) / ll))
            px, py = x0 + t * dx, y0 + t * dy
            if (x - px) ** 2 + (y - py) ** 2 <= width * width: img[y][x] = color
def disc(c, r, color):
    cx, cy = c
    for y in range(int(cy - r), int(cy + r) + 1):
        for x in range(int(cx - r), int(cx + r) + 1):
            if 0 <= x < W and 0 <= y < W and (x - cx) ** 2 + (y - cy) ** 2 <= r * r: img[y][x] = color
for a, b in zip(L, L[1:]):
    for p in a:
        for q in b: seg(p, q, 1.6 * S, edge)
for i, l in enumerate(L):
    for p in l:
        disc(p, 9 * S, bg); disc(p, 7.5 * S, out if i == 2 else node)
rows = []
for y in range(N):
    row = bytearray([0])
    for x in range(N):
        acc = [0, 0, 0]
        for sy in range(S):
            for sx in range(S):
                c = img[y * S + sy][x * S + sx]
                for k in range(3): acc[k] += c[k]
        row += bytes(round(v / (S * S)) for v in acc)
    rows.append(bytes(row))
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', N, N, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b'')
open(__file__.replace('make_icon.py', 'icon.png'), 'wb').write(png)
