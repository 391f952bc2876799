import { describe, expect, it } from 'vitest';
import { theoryChains } from './chains';

describe('theory of change as text', () => {
  const el = (id: string, kind: string, title: string) => ({ id, kind, title });
  it('lists every chain from a start to an end, with the assumptions on each step', () => {
    const elements = [el('a', 'activity', 'Huisbezoek'), el('b', 'output', 'Maatregelen'), el('c', 'outcome', 'Lagere rekening'), el('d', 'outcome', 'Vertrouwen')];
    const links = [
      { id: 'ab', fromElementId: 'a', toElementId: 'b' },
      { id: 'bc', fromElementId: 'b', toElementId: 'c' },
      { id: 'ad', fromElementId: 'a', toElementId: 'd' },
    ];
    const chains = theoryChains(elements, links, [{ linkId: 'bc', text: 'Kleine maatregelen besparen', status: 'doubtful' }]);
    expect(chains).toEqual([
      'Activiteit: Huisbezoek → Resultaat: Maatregelen → [aanname: Kleine maatregelen besparen (twijfelachtig)] → Effect: Lagere rekening',
      'Activiteit: Huisbezoek → Effect: Vertrouwen',
    ]);
  });

  it('names an element that is not linked yet, and survives a cycle', () => {
    expect(theoryChains([el('a', 'impact', 'Gezond')], [], [], 'en')).toEqual(['Impact: Gezond (not linked yet)']);
    const cycle = theoryChains(
      [el('a', 'activity', 'A'), el('b', 'output', 'B')],
      [
        { id: '1', fromElementId: 'a', toElementId: 'b' },
        { id: '2', fromElementId: 'b', toElementId: 'a' },
      ],
      [],
    );
    expect(cycle).toEqual(['Activiteit: A → Resultaat: B']);
  });
});
