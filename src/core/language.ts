// The rules are written for English. Whether a text looks like English: few or none of the
// commonest English function words, or mostly letters of another script, and it does not.

// Common English words that are rarely words of the other languages a counsellor might write in
// (no "a", "me", "so", "was", "in", "die", "i").
const ENGLISH = new Set(
  `the you your you're yours yourself and to of it it's is isn't that that's what what's how this with for are
  have has had be been being not can can't about my mine do does did don't doesn't didn't feel feeling feels
  sounds like just really when there they they're we he she at or if would could should from as all but know
  think right more i'm i've i'd him them their our us who which why because been than then very much some any
  something anything tell said say see want need might maybe time things thing yeah yes okay ok oh um uh hmm
  mm there's it'll i'll you'll we're they've since until while quite off into out up down
  everything else good`.split(/\s+/),
);

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const LATIN = /\p{Script=Latin}/gu;
/** Letters enough to tell (a few hundred words): a batch need not read a whole archive twice to say it. */
const SAMPLE_LETTERS = 5_000;

export class LanguageCheck {
  private letters = 0;
  private latin = 0;
  private words = 0;
  private english = 0;

  add(text: string): void {
    if (this.letters >= SAMPLE_LETTERS) return;
    for (const [word] of text.matchAll(WORD)) {
      const latin = word.match(LATIN)?.length ?? 0;
      this.letters += word.length;
      this.latin += latin;
      if (latin === 0) continue;
      this.words++;
      if (word === 'I' || ENGLISH.has(word.toLowerCase().replace(/’/g, "'"))) this.english++;
    }
  }

  /** True once the sample is complete: more text would not be read. */
  settled(): boolean {
    return this.letters >= SAMPLE_LETTERS;
  }

  /** True when there is enough text to tell, and it does not look like English. */
  notEnglish(): boolean {
    if (this.letters >= 8 && this.latin / this.letters < 0.5) return true;
    return this.words >= 6 && this.english / this.words < 0.1;
  }
}
