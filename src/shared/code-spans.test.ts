import { describe, expect, it } from 'vitest';
import { splitCodeSpans } from './code-spans';

const plain = (text: string) => ({ text, code: false });
const code = (text: string) => ({ text, code: true });

describe('splitCodeSpans', () => {
  it('turns backtick spans into code and keeps the prose around them', () => {
    expect(splitCodeSpans('it needs `Access-Control-Allow-Origin: http://app.test:39365`.')).toEqual([
      plain('it needs '),
      code('Access-Control-Allow-Origin: http://app.test:39365'),
      plain('.'),
    ]);
    expect(splitCodeSpans('`a` and `b`')).toEqual([code('a'), plain(' and '), code('b')]);
  });

  it('reads a sentence with no backticks as one piece of prose', () => {
    expect(splitCodeSpans('The request failed.')).toEqual([plain('The request failed.')]);
    expect(splitCodeSpans('')).toEqual([]);
  });

  it('keeps a backtick without a partner as text', () => {
    expect(splitCodeSpans('`one` and ` stray')).toEqual([code('one'), plain(' and ` stray')]);
    expect(splitCodeSpans('a ` b')).toEqual([plain('a ` b')]);
  });

  it('keeps markup in a span as text for the caller to escape', () => {
    expect(splitCodeSpans('`<img src=x onerror=alert(1)>`')).toEqual([code('<img src=x onerror=alert(1)>')]);
  });
});
