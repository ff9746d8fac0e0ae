// Where a JSON text stops being JSON: V8's JSON.parse does not always say (on Node 20 many messages
// name no position), and the import reports every syntax error as file:line:column. A small scanner
// of the JSON grammar that returns the offset of the first character that cannot continue.

const WS = new Set([' ', '\t', '\n', '\r']);

export function jsonErrorOffset(text: string): { offset: number; message: string } | undefined {
  let i = 0;
  const fail = (message: string) => ({ offset: Math.min(i, text.length), message });
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return true;
    }
    return false;
  };
  function string(): string | undefined {
    i++; // opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return 'bad \\u escape';
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return 'bad escape in string';
        continue;
      }
      if (c < ' ') return 'control character in string';
      i++;
    }
    return 'unterminated string';
  }
  function number(): string | undefined {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) return 'bad number';
    i += match[0].length;
    return undefined;
  }
  // An explicit stack instead of recursion: deep documents must not overflow.
  const stack: ('{' | '[')[] = [];
  function value(): string | undefined {
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      skip();
      if (text[i] === (c === '{' ? '}' : ']')) {
        stack.pop();
        i++;
        return undefined;
      }
      return c === '{' ? key() : value();
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    if (literal('true') || literal('false') || literal('null')) return undefined;
    return c === undefined ? 'unexpected end of input' : `unexpected ${JSON.stringify(c)}`;
  }
  function key(): string | undefined {
    skip();
    if (text[i] !== '"') return 'expected a property name';
    const bad = string();
    if (bad) return bad;
    skip();
    if (text[i] !== ':') return "expected ':' after property name";
    i++;
    return value();
  }
  let problem = value();
  while (!problem) {
    skip();
    const top = stack[stack.length - 1];
    if (!top) break;
    const c = text[i];
    if (c === ',') {
      i++;
      problem = top === '{' ? key() : value();
    } else if (c === (top === '{' ? '}' : ']')) {
      stack.pop();
      i++;
    } else problem = c === undefined ? 'unexpected end of input' : `expected ',' or '${top === '{' ? '}' : ']'}'`;
  }
  if (problem) return fail(problem);
  skip();
  return i < text.length ? fail('unexpected text after the JSON value') : undefined;
}

/** 1-based line and column of an offset. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      start = k + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
