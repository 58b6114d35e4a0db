// Types for the three natural submodules rapport imports (natural's own
// typings describe only the package root).
declare module 'natural/lib/natural/tokenizers/regexp_tokenizer.js' {
  export class RegexpTokenizer {
    constructor(options: { pattern: RegExp; gaps: boolean });
    tokenize(text: string): string[] | null;
  }
}

declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(word: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/util/stopwords.js' {
  const stopwords: { words: string[] };
  export default stopwords;
}

declare module 'natural/lib/natural/brill_pos_tagger/lib/Brill_POS_Tagger.js' {
  interface TaggedSentence {
    taggedWords: { token: string; tag: string }[];
  }
  export default class BrillPOSTagger {
    constructor(lexicon: { tagWord(word: string): string[] }, ruleSet: unknown);
    tag(words: string[]): TaggedSentence;
  }
}

declare module 'natural/lib/natural/brill_pos_tagger/lib/RuleSet.js' {
  export default class RuleSet {
    constructor(language: 'EN');
  }
}

declare module 'natural/lib/natural/inflectors/present_verb_inflector.js' {
  export default class PresentVerbInflector {
    singularize(verb: string): string;
  }
}
