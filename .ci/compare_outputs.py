"""Compares two output trees of .ci/compare-outputs.sh capture; exits 1 when any file differs."""
import os
import re
import sys


def normalised(path, root):
    data = open(path, 'rb').read()
    if path.endswith('.png'):
        return data
    if path.endswith('.pdf'):  # ChartFiles fixes the PDF dates, so PDFs compare byte for byte
        return data
    text = data.decode('utf-8', 'replace').replace(root, 'OUT')
    name = os.path.basename(path)
    if path.endswith('.stdout'):
        text = re.sub(r" *\d+(\.\d+)? s\b", " T s", text)  # durations and their padding
    if path.endswith('index.html'):
        text = re.sub(r"<td>\d+\.\d{3}</td></tr>", "<td>W</td></tr>", text)  # the sweep table's wall_seconds
    if name == 'sweep.csv':
        lines = text.split('\n')
        header = lines[0].split(',')
        if 'wall_seconds' in header:
            k = header.index('wall_seconds')
            text = '\n'.join(','.join('W' if i == k else c for i, c in enumerate(line.split(','))) if line else line
                             for line in lines)
    if name == 'sweep.json':
        text = re.sub(r'"wall[A-Za-z_]*"\s*:\s*[0-9.eE+-]+', '"wall":W', text)
    if name == 'timing.json':
        text = re.sub(r'[0-9.eE+-]+', 'W', text)
    if name == '.sweep.lock':
        text = re.sub(r'\d+', 'PID', text)
    return text.encode()


def files(root):
    out = set()
    for d, _, names in os.walk(root):
        for n in names:
            out.add(os.path.relpath(os.path.join(d, n), root))
    return out


def main(a, b):
    fa, fb = files(a), files(b)
    bad = 0
    for f in sorted(fa | fb):
        if f not in fa or f not in fb:
            print('only in', a if f in fa else b, f)
            bad += 1
        elif normalised(os.path.join(a, f), a) != normalised(os.path.join(b, f), b):
            print('differs', f)
            bad += 1
    print(f'{len(fa | fb)} files compared, {bad} differ')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(os.path.realpath(sys.argv[1]), os.path.realpath(sys.argv[2])))
