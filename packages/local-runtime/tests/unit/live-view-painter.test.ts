import { describe, expect, it } from 'vitest';
import { LiveViewPainter } from '../../src/report/live-view-painter.js';

const ESC = '\x1b';

function recorder() {
  const written: string[] = [];
  return { written, write: (text: string) => written.push(text) };
}

describe('LiveViewPainter on a terminal', () => {
  it('draws the view, then redraws only its own lines: cursor up over them, each line erased and rewritten, no full-screen clear', () => {
    // Prepare
    const out = recorder();
    const painter = new LiveViewPainter({ write: out.write, interactive: true });

    // Act
    painter.paint('a\nb\nc');
    painter.paint('a2\nb2\nc2');

    // Assess
    expect(out.written[0]).toBe(`\r${ESC}[2Ka\n${ESC}[2Kb\n${ESC}[2Kc\n${ESC}[J`);
    expect(out.written[1]).toBe(`\r${ESC}[3A${ESC}[2Ka2\n${ESC}[2Kb2\n${ESC}[2Kc2\n${ESC}[J`);
    const all = out.written.join('');
    expect(all).not.toContain(`${ESC}[2J`);
    expect(all).not.toContain(`${ESC}[H`);
  });

  it('moves up by as many lines as it drew last time when the view changes height', () => {
    const out = recorder();
    const painter = new LiveViewPainter({ write: out.write, interactive: true });

    painter.paint('1\n2\n3\n4');
    painter.paint('1\n2');
    painter.paint('1\n2\n3');

    expect(out.written[1]?.startsWith(`\r${ESC}[4A`)).toBe(true);
    expect(out.written[2]?.startsWith(`\r${ESC}[2A`)).toBe(true);
  });

  it('prints a message above the view and draws the view again below it', () => {
    const out = recorder();
    const painter = new LiveViewPainter({ write: out.write, interactive: true });
    painter.paint('v1\nv2');

    painter.print('hello\n');

    expect(out.written[1]).toBe(`\r${ESC}[2A${ESC}[Jhello\n`);
    expect(out.written[2]).toBe(`\r${ESC}[2Kv1\n${ESC}[2Kv2\n${ESC}[J`);
  });

  it('after release, leaves the last view on screen and draws below it', () => {
    const out = recorder();
    const painter = new LiveViewPainter({ write: out.write, interactive: true });
    painter.paint('v1\nv2');

    painter.release();
    painter.paint('next');

    expect(out.written[1]).toBe(`\r${ESC}[2Knext\n${ESC}[J`);
  });
});

describe('LiveViewPainter when stdout is not a terminal', () => {
  it('appends the view as plain lines, at most every appendEveryMs unless forced, without control sequences', () => {
    // Prepare
    const out = recorder();
    let nowMs = 0;
    const painter = new LiveViewPainter({ write: out.write, interactive: false, appendEveryMs: 5_000, now: () => nowMs });

    // Act
    painter.paint('view at 0');
    nowMs = 1_000;
    painter.paint('view at 1');
    nowMs = 5_000;
    painter.paint('view at 5');
    nowMs = 6_000;
    painter.paint('final', { force: true });
    painter.print('a message\n');

    // Assess
    expect(out.written).toEqual(['view at 0\n\n', 'view at 5\n\n', 'final\n\n', 'a message\n']);
    expect(out.written.join('')).not.toContain(ESC);
  });
});
