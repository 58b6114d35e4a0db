// Reflections: what the client said, said back in the second person from their
// own words. The clause that carries a feeling or a dilemma is chosen; two
// sides of a dilemma are both said back; a risk is named before anything else.
import type { Analysis, Token } from '../tokens/analyse.js';
import { capitalise, isPlural, lowerFirst, partOfYou, secondPerson, type Span, spanText } from './grammar.js';
import { firstNounPhrase, isVerb, tagsOf } from './tags.js';
import { FAMILIES, findPhrase, isContent, isFeeling, phraseAt, type Family, type RewriteWords, type RiskKind } from './words.js';

export interface Reflection {
  text: string;
  reason: string;
  /** the client told of a death or a loss: what follows asks how they are holding up */
  loss?: boolean;
  /** the family of the painful feeling the client named: what follows asks about it */
  family?: Family;
  /** someone close whose doing to the client was said back ("your mum keeps saying you look healthy"): what follows can ask about the two of them */
  between?: string;
  /** the client said they cannot bear to think about it: what follows does not ask them to */
  tooMuch?: boolean;
}

/** A stable choice among `count` options, from the content it is about: the same input always reads the same. */
export function choose(seed: string, count: number): number {
  let hash = 2166136261;
  for (let i = 0; i < seed.length; i += 1) hash = Math.imul(hash ^ seed.charCodeAt(i), 16777619);
  return (hash >>> 0) % count;
}

interface Clause extends Span {
  /** the clause it is the second side of, when joined by "but" and the like */
  after?: Clause;
  /** it began "but", "yet" or "still": what the client sets against the rest, usually their point */
  contrast?: boolean;
  /** a feeling the client added after a comma, with no verb of its own: "…, just sort of numb" */
  trailing?: string;
}

const CONTRASTS = /^(but|yet|still|though|however)$/;
// "My mum says…", "the specialist told me…": someone else's words, reported, weigh less than the client's own.
const REPORTING = /^(says|said|say|told|tells|reckons|thinks|thought|wants|asked)$/;

const CLAUSE_PUNCTUATION = new Set([',', ';', ':', '—', '–', '-', '(', ')', '"', '“', '”']);
const LEADING = new Set(['and', 'or', 'so', 'but', 'well', 'like', 'honestly', 'mate', 'tbf', 'right', 'because', 'cause', 'though', 'although', 'yet', 'then', 'oh', 'um', 'uh', 'erm', 'hmm', 'anyway', 'basically', 'lol', 'lmao', 'haha', 'ok', 'okay', 'tbh', 'ugh', 'yeah']);
const SUBJECTS = /^(i|i'm|i've|i'd|i'll|im|my|he|she|he's|she's|it|it's|they|they're|we|we're|there|there's|that|that's|part|everyone|nobody|people)$/;
const FIRST_PERSON = new Set(['i', "i'm", "i've", "i'd", "i'll", 'im', 'me', 'my', 'myself', 'mine']);

/** The client's clauses: sentences cut at commas and at "but"-like joins, with each second side linked to the first. */
const NUMBER = /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)$/;

function clausesOf(client: Analysis, words: RewriteWords): Clause[] {
  const clauses: Clause[] = [];
  for (const sentence of client.sentences) {
    const tokens = client.tokens.filter((token) => token.sentence === sentence.index && token.start >= sentence.start && token.end <= sentence.end);
    let current: Token[] = [];
    // "I'm so proud of him. I also want to throw that pager in the harbour.": a sentence that opens "I also",
    // "But I" or "Yet I" is the second side of the one before, when that one was the client's own.
    const opening = tokens.filter((token) => token.isWord).slice(0, 2).map((token) => token.norm).join(' ');
    const previous = clauses.at(-1);
    // ("Part of me's relieved. Part of me doesn't know who I am": both sentences are a part of them.)
    // ("Part of me's relieved, honest. Part of me doesn't know…": the side is the sentence's first clause, not its "honest".)
    const previousPart = clauses.find((clause) => clause.tokens[0]!.sentence === sentence.index - 1 && /^part of (me|me's)/.test(words_(clause).slice(0, 3).map((token) => token.norm).join(' ')));
    // ("I am happy she fits in. I am also losing her a little bit.")
    const opening3 = tokens.filter((token) => token.isWord).slice(0, 3).map((token) => token.norm).join(' ');
    const secondSide = (/^(i also|but i|yet i|and yet|but part|part of)/.test(opening) || /^(i am also|i'm also|i was also|i do also|i still also)$/.test(opening3)) && previous !== undefined && FIRST_PERSON.has(previous.tokens.find((token) => token.isWord)?.norm ?? '') && previous.tokens[0]!.sentence === sentence.index - 1;
    let joinedAfter: Clause | undefined = secondSide ? previous : /^part of/.test(opening) ? previousPart : undefined;
    const close = (joins: boolean): void => {
      let nextJoined = joins;
      const contrast = CONTRASTS.test(current.find((token) => token.isWord)?.norm ?? '');
      for (;;) {
        if (current.length && (LEADING.has(current[0]!.norm) || !current[0]!.isWord)) current.shift();
        // "You know, I just …" and "I mean, …" are fillers, not the client talking about the helper;
        // "I know I should rest" is what they know, and stays.
        else if (((current[0]?.norm === 'you' && current[1]?.norm === 'know') || (current[0]?.norm === 'i' && current[1]?.norm === 'mean')) && current.length > 2) current.splice(0, 2);
        else break;
      }
      while (current.length && !current[current.length - 1]!.isWord) current.pop();
      // "even though" concedes rather than weighs two sides: "even" goes, and the clauses are not a dilemma.
      if (current.length > 1 && current[current.length - 1]!.norm === 'even') {
        current.pop();
        nextJoined = false;
      }
      // ("Part of me's relieved, part of me's thinking …": the second part after a comma is the other side.)
      const partOf = (clause: Token[] | undefined): boolean => /^part of (me|me's)/.test((clause ?? []).filter((token) => token.isWord).slice(0, 3).map((token) => token.norm).join(' '));
      const last = clauses.at(-1);
      if (!joinedAfter && partOf(current) && last && last.tokens[0]!.sentence === sentence.index && partOf([...last.tokens])) joinedAfter = last;
      if (current.some((token) => token.isWord)) {
        const clause: Clause = { text: client.text, tokens: current, ...(joinedAfter ? { after: joinedAfter } : {}), ...(contrast ? { contrast } : {}) };
        clauses.push(clause);
        joinedAfter = nextJoined ? clause : undefined;
      }
      current = [];
    };
    for (const token of tokens) {
      // "…to end it. just wanted to say bye" is one sentence to the tokenizer (the lower case runs on), two clauses here.
      if (/^[.!?…]$/.test(token.text)) close(false);
      // ("five, six pints" is one amount.)
      // ("£2,000" too.)
      else if (token.text === ',' && NUMBER.test(current.at(-1)?.norm ?? '') && NUMBER.test(tokens[tokens.indexOf(token) + 1]?.norm ?? '')) current.push(token);
      else if (CLAUSE_PUNCTUATION.has(token.text)) close(false);
      // ("nothing but toast" is no second side.)
      else if (words.dilemmaJoins.has(token.norm) && current.length > 0 && !/^(nothing|anything|all|everything|none|no-one|nobody|anyone)$/.test(current.at(-1)!.norm)) close(true);
      // "I want to be honest with them, but I also want to go home": the comma closed the first side already.
      else if (words.dilemmaJoins.has(token.norm) && current.length === 0 && clauses.at(-1)?.tokens[0]!.sentence === sentence.index && !clauses.at(-1)!.after) {
        joinedAfter = clauses.at(-1);
        current.push(token);
      }
      else current.push(token);
    }
    close(false);
  }
  return withSubjects(clauses);
}

const SELF_SUBJECT = /^(i|i'm|im|i've|ive|me|my)$/;
/** The client as the subject of a clause: "I", "I'm", "ive"… */
const CLIENT_I = /^(i|i'm|i've|i'd|im|ive)$/;
/** Words by which a client dismisses their own feeling: "it's silly to be this upset". */
const SELF_DISMISSAL = /^(silly|petty|daft|ridiculous|stupid|pathetic|overreacting)$/;
// "I know it's voluntary and I shouldn't care": said back, it agrees they shouldn't.
const SHOULD_NOT_FEEL = /^(shouldn't|should not|mustn't|oughtn't) (care|mind|feel|be upset|be bothered|let it)/;
/** "Why did I laugh?", "Do I mention it to his wife", "I don't know if I can keep doing this": the client asking themselves. */
function ownQuestion(tokens: readonly Token[]): 'whether' | 'why' | 'unsure' | 'wondering' | null {
  const norms = tokens.map((token) => token.norm);
  if (norms.some((norm) => /^(you|your|you're)$/.test(norm))) return null;
  // "Who's going to take me on now?", "What happens to him when I'm gone?": the client wondering aloud, in an
  // order that can be said back as it stands ("what does he think" would need turning round).
  const [wh, verb, after] = norms;
  if (/^(who|what)('s|'ll|'d)$/.test(wh ?? '') && norms.length > 3) return 'wondering';
  if (/^(who|what)$/.test(wh ?? '') && /^(happens|happened|will|would|could|can|cares|wants|is|was|does|did)$/.test(verb ?? '') && !/^(i|he|she|they|we|it|my|his|her|their|our|the)$/.test(after ?? '') && norms.length > 3) return 'wondering';
  if (/^(do|should|shall) i$/.test(norms.slice(0, 2).join(' ')) && norms.length > 3) return 'whether';
  if (norms[0] === 'why' && /^(did|do|am|can't|cant|can|didn't|couldn't)$/.test(norms[1] ?? '') && SELF_SUBJECT.test(norms[2] ?? '')) return 'why';
  // Not "how do I…": "I was beaten, how do I remember dates?" is said to the world, not a question to answer.
  if (/^(i don't know|i dont know|i'm not sure|im not sure|i honestly don't know) (if|whether|how)$/.test(norms.slice(0, norms[1] === 'honestly' ? 5 : 4).join(' '))) return 'unsure';
  return null;
}

const IRREGULAR_PAST: Record<string, string> = { set: 'set', cut: 'cut', hit: 'hit', hurt: 'hurt', read: 'read', shut: 'shut', cost: 'cost', go: 'went', say: 'said', do: 'did', tell: 'told', get: 'got', take: 'took', make: 'made', come: 'came', give: 'gave', leave: 'left', let: 'let', put: 'put', feel: 'felt', think: 'thought', keep: 'kept', stay: 'stayed', freeze: 'froze', run: 'ran', sit: 'sat', stand: 'stood', eat: 'ate', drink: 'drank', buy: 'bought', bring: 'brought', lose: 'lost', find: 'found', cry: 'cried', lie: 'lied', try: 'tried' };
function pastOf(verb: string): string {
  if (IRREGULAR_PAST[verb]) return IRREGULAR_PAST[verb]!;
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

/** The client's question said back as what they are asking themselves: "you keep asking yourself why you laughed". */
function askedOf(clause: Span, words: RewriteWords): string | null {
  const tokens = words_(clause);
  const kind = ownQuestion(tokens);
  if (!kind) return null;
  // "Do I mention it to his wife or is that interfering": the first of the two options.
  // (But "whether you're bi or confused" keeps both.)
  const until = tokens.findIndex((token, i) => i > 2 && token.norm === 'or' && /^(is|am|are|was|would|will|should|do|does|did|that|that's|it's)$/.test(tokens[i + 1]?.norm ?? ''));
  const body = until > 0 ? tokens.slice(0, until) : tokens;
  const rest = (from: number): string => {
    const span = clause.tokens.slice(clause.tokens.indexOf(body[from]!), clause.tokens.indexOf(body.at(-1)!) + 1);
    return secondPerson({ text: clause.text, tokens: span.filter((_, i) => !words.minimisers.some((m) => m.length === 1 && phraseAt(span, i, m))) }, words);
  };
  if (kind === 'whether') return body.length > 3 ? `you're not sure whether to ${rest(2)}` : null;
  if (kind === 'wondering') return `you're wondering ${rest(0).replace(/^\p{Lu}/u, (letter) => letter.toLowerCase())}`;
  if (kind === 'unsure') {
    const from = tokens.findIndex((token) => /^(if|whether|how)$/.test(token.norm));
    return from > 0 && from + 1 < body.length ? `you're not sure ${tokens[from]!.norm === 'how' ? 'how' : 'whether'} ${rest(from + 1)}` : null;
  }
  // why: "did I laugh" -> "you laughed"; "can't I stop" -> "you can't stop"; "am I so upset" -> "you're so upset".
  const aux = body[1]!.norm;
  if (aux === 'did' && body[3]) return `you keep asking yourself why you ${pastOf(body[3].norm)}${body.length > 4 ? ` ${rest(4)}` : ''}`;
  if (aux === 'am') return `you keep asking yourself why you're ${rest(3)}`;
  if (body.length > 3) return `you keep asking yourself why you ${aux === 'do' ? '' : `${aux} `}${rest(3)}`;
  return null;
}

/** Two clauses as one, with one space where the text between them was: "Pauline, put me" reads "Pauline put me". */
function joined(subject: Clause, rest: Clause): Clause {
  const end = subject.tokens.at(-1)!.end;
  const start = rest.tokens[0]!.start;
  const shift = end + 1 - start;
  const text = `${subject.text.slice(0, end)} ${subject.text.slice(start)}`;
  return { ...rest, text, tokens: [...subject.tokens, ...rest.tokens.map((token) => ({ ...token, start: token.start + shift, end: token.end + shift }))] };
}

/**
 * "My dad, who died in 1998, never got to meet my kids": commas cut the subject from its verb.
 * A short noun phrase followed (past a relative clause) by a clause without a subject is one clause again.
 */
function withSubjects(clauses: Clause[]): Clause[] {
  const out: Clause[] = [];
  for (let i = 0; i < clauses.length; i += 1) {
    const subject = words_(clauses[i]!);
    const next = clauses[i + 1] ? words_(clauses[i + 1]!) : [];
    // "The manager, Pauline, put me on nights": the name in apposition is the subject.
    const named = next.length > 0 && next.length <= 2 && next.every((token) => /^\p{Lu}\p{Ll}+$/u.test(token.text));
    const skip = clauses[i + 1] && (RELATIVE.test(next[0]?.norm ?? '') || named) ? 1 : 0;
    const rest = clauses[i + 1 + skip];
    const verbToken = rest ? words_(rest)[0] : undefined;
    const verb = verbToken?.norm ?? '';
    // Any lower-case word that is not a subject of its own can be the verb ("Mark, reads my emails out").
    const verbLike = verbToken !== undefined && /^\p{Ll}/u.test(verbToken.text) && !/^(i|i'm|i've|you|he|she|it|we|they|he's|she's|it's|they're|my|the|a|an|this|that|there|his|her|their|our|your|and|but|so|or)$/.test(verb);
    const sameSentence = rest !== undefined && rest.tokens[0]!.sentence === clauses[i]!.tokens[0]!.sentence;
    if (sameSentence && subject.length <= 4 && /^(my|the|our|his|her|their|your)$/.test(subject[0]?.norm ?? '') && !subject.some((token) => FINITE.test(token.norm)) && verbLike) {
      out.push(joined(named ? clauses[i + 1]! : clauses[i]!, rest!));
      i += 1 + skip;
    } else out.push(clauses[i]!);
  }
  return out;
}

const words_ = (clause: Span): Token[] => clause.tokens.filter((token) => token.isWord);

// "Must've hurt him", "it upset her": a feeling word with someone else after it is what was done to them, not what
// the client feels. ("Embarrassed me" is theirs, and so is "I feel like I'm betraying him".)
const OBJECT_AFTER = /^(him|her|them|it|everyone|anyone|people)$/;
const feels = (tokens: readonly Token[], i: number, words: RewriteWords): boolean =>
  isFeeling(tokens[i]!, words) && (!OBJECT_AFTER.test(tokens[i + 1]?.norm ?? '') || tokens.slice(Math.max(0, i - 4), i).some((token) => /^(feel|feels|feeling|felt)$/.test(token.norm)));

function feelingOf(clause: Span, words: RewriteWords): Token | undefined {
  return clause.tokens.find((_, i) => feels(clause.tokens, i, words));
}

// "A funeral director asked us to swap two services": the client's work, not their bereavement.
const WORK_OF_LOSS = /^(director|directors|home|homes|parlour|service|services|arranger|celebrant|staff|crematorium|undertaker|undertakers)$/;
// "I built that branch line with Ken before he died": the death is when, and the building is what they are telling.
const clientsLoss = (clause: Span, words: RewriteWords): boolean => {
  const found = findPhrase(clause.tokens, words.loss);
  if (!found || WORK_OF_LOSS.test(clause.tokens[found.index + found.phrase.length]?.norm ?? '')) return false;
  // ("I wrote a tune for my brother after he died": the tune is what they are telling, and the death is when.)
  const when = clause.tokens.findIndex((token, i) => i >= found.index - 3 && i < found.index && (/^(before|until|till)$/.test(token.norm) || (token.norm === 'after' && /^(he|she|they|him|her)$/.test(clause.tokens[i + 1]?.norm ?? ''))));
  return when <= 0;
};

const REPORTED_WITHOUT_SUBJECT = /^(says|reckons|tells|asks|wants|thinks|keeps|calls|goes|gets|makes|takes|comes|looks|acts|seems|doesn't|hasn't|isn't|wasn't)$/;

/** How much a clause carries: feelings and risk most, then the client's own situation in the first person. */
// A clause that cannot stand alone once said back: "who died in 1998", "since your brother died",
// "your first thought was", "put you on nights again" (someone else did it, and the client left them out).
const RELATIVE = /^(who|which|whom|whose|where)$/;
const SUBORDINATE = /^(since|after|when|while|until|till|before|because|as|that|if|whether|unless|once)$/;
const DANGLING = /^(was|were|is|are|am|as|the|a|an|to|of|and|that|with|for|at|my|your|his|her|their|our|be|been|than|from|into|on|in|by|about|so|but|or|if|when|like|just|said|says|told|asked|reckons)$/;
// Past forms beyond STARTS_WITH_VERB's, which are the client's own left-out "I".
const PAST_VERB = /^(\p{L}{3,}ed|put|said|gave|sent|threw|brought|bought|caught|taught|sold|shut|hit|cut|let|set|rang|sang|ran|drove|wrote|spoke|chose|stole|forgot)$/u;
const LEADING_ADVERB = /^(never|always|still|also|then|just|only)$/;
/** "Put me on nights again": a clause that starts with someone else's verb, its subject left out. */
const someoneElseDid = (norm: string): boolean => PAST_VERB.test(norm) && !STARTS_WITH_VERB.test(norm);
const namesClient = (tokens: readonly Token[]): boolean => tokens.some((token) => /^(me|my|i)$/.test(token.norm));

const FINITE = /^(is|are|was|were|am|be|been|being|have|has|had|do|does|did|can|could|will|would|should|may|might|must|i'm|i've|i'd|i'll|it's|that's|he's|she's|they're|we're|there's|im|ive|cant|dont|won't|can't|don't|didn't|isn't|wasn't)$/;

// At the end of its sentence a clause may end on "be" or "her" ("who I'd even be", "without her"), not on "about".
const HANGING_AT_END = /^(the|a|an|to|of|and|with|for|at|from|into|on|in|by|about|but|or|if|when|like|than|as|my|your|his|their|our|that|so|just)$/;

/** `whole`: the clause runs to the end of its statement sentence (not a question), so only a word that needs more hangs. */
const STRANDING_VERB = /^(know|knew|known|talk|talked|think|thought|care|cared|worry|worried|went|go|gone|belong|belonged|listen|listened|look|looked|deal|dealt|cope|coped|apply|applied|invited|wait|waited|speak|spoke|laugh|laughed|came|come|used|live|lived|hold|held|turn|turned)$/;

function fragmentPenalty(tokens: readonly Token[], whole = false): number {
  const [first, second] = tokens;
  if (!first) return 0;
  const last = tokens[tokens.length - 1]!.norm;
  // ("…a credit card in his name I didn't know about.": a preposition that belongs to the verb before it may end the client's sentence.)
  const stranded = whole && STRANDING_VERB.test(tokens[tokens.length - 2]?.norm ?? '') && /^(about|to|for|at|with|of|on|in)$/.test(last);
  if (RELATIVE.test(first.norm) || (whole ? HANGING_AT_END.test(last) && !stranded : DANGLING.test(last))) return 8;
  // "…stood in my reception and told me": what was said was cut off at the comma after it.
  if (!whole && /^(me|us)$/.test(last) && /^(told|asked|tells|asks|said|says|showed|warned)$/.test(tokens[tokens.length - 2]?.norm ?? '')) return 8;
  // "…, that I shout in my sleep and she's scared of me": someone's account of them, cut from who gave it.
  if (first.norm === 'that' && second && /^(i|i'm|i've|im|he|she|they|you|my|it)$/.test(second.norm)) return 8;
  // "…, told me he thinks he might be gay": someone told the client, and who was left in the clause before.
  if (/^(told|asked|said|showed|gave|sent|texted|rang)$/.test(first.norm) && second && /^(me|us)$/.test(second.norm)) return 8;
  // "Do I tell him again?": the client's question, not something to say back.
  if (/^(do|does|did|should|shall|can|could|would|will|am|is|are)$/.test(first.norm) && second && /^(i|you|we|he|she|they|it|my|the)$/.test(second.norm)) return 8;
  if (SUBORDINATE.test(first.norm) && tokens.length < 10) return 6;
  // No subject, and not the client's own left-out "I" ("Broke up with my partner"): someone else did it,
  // and unless the clause names the client ("put me on nights") there is no telling who.
  if (someoneElseDid(first.norm) && second !== undefined) return namesClient(tokens) ? 1 : 6;
  // "…, never got to meet my kids": the subject stayed in the clause before.
  if (LEADING_ADVERB.test(first.norm) && second && (PAST_VERB.test(second.norm) || STARTS_WITH_VERB.test(second.norm))) return 6;
  // "Third time this month": no verb to say back.
  // ("My girlfriend barely sees me": a word before "me" that is no preposition is its verb.)
  const beforeObject = (i: number): boolean => /^(me|him|us|them)$/.test(tokens[i + 1]?.norm ?? '') && !/^(to|for|with|at|from|of|on|in|by|about|like|without|behind|near|than|and|or|but)$/.test(tokens[i]!.norm);
  // ("This year it feels different": "it" and "feels" are subject and verb.)
  const itVerb = (i: number): boolean => /^(it|this|that|everything|nothing)$/.test(tokens[i - 1]?.norm ?? '') && /^\p{L}{3,}s$/u.test(tokens[i]!.norm);
  if (tokens.length <= 5 && !tokens.some((token, i) => FINITE.test(token.norm) || PAST_VERB.test(token.norm) || STARTS_WITH_VERB.test(token.norm) || /\p{L}{3,}ing$/u.test(token.norm) || beforeObject(i) || itVerb(i))) return 4;
  return 0;
}

function weight(clause: Clause, words: RewriteWords): number {
  const tokens = words_(clause);
  let score = 0;
  score += FEELING_WEIGHT * tokens.filter((_, i) => feels(tokens, i, words)).length;
  if (tokens.some((token) => /^(feel|feels|feeling|felt)$/.test(token.norm))) score += 3;
  if (Object.values(words.risk).some((list) => findPhrase(clause.tokens, list))) score += 6;
  // "since my twin brother died" is when, not what: it cannot be met with "I'm so sorry that …".
  if (clientsLoss(clause, words) && !SUBORDINATE.test(tokens[0]?.norm ?? '')) score += 7;
  if (tokens.some((token) => FIRST_PERSON.has(token.norm))) score += 2;
  score += Math.min(3, 0.5 * tokens.filter((token) => isContent(token, words)).length);
  // The client talking to the helper ("you don't get it") or asking is not theirs to have said back.
  if (tokens.some((token) => /^(you|your|you're|yours)$/.test(token.norm))) score -= 5;
  if (tokens.length < 3) score -= 2;
  // "Says the kids find it upsetting": the subject is in the sentence before, and "you says" is no reflection.
  if (REPORTED_WITHOUT_SUBJECT.test(tokens[0]?.norm ?? '')) score -= 6;
  // "My daughter Rahel," cut off at its comma is a name, not something that happened.
  // ("My girlfriend barely sees me." ends its sentence: whatever the tagger makes of "sees", it is a clause.)
  const last = tokens.at(-1);
  const whole = last !== undefined && /^[\s'’"”)]*([.!…]|$)/.test(clause.text.slice(last.end));
  if (!whole && tokens.length <= 4 && /^(my|the|our|his|her|their)$/.test(tokens[0]?.norm ?? '') && !tagsOf(tokens, words).some(isVerb)) score -= 4;
  if (/^(i (don't|dont) know|i guess|i mean|i suppose)$/.test(tokens.map((t) => t.norm).join(' '))) score -= 4;
  if (clause.contrast) score += 2;
  // "I don't know if I'm doing the right thing", "Why did I laugh?": the client's own question is their dilemma,
  // and "Do I sell it to a stranger or watch him wreck it?", an either-or, most of all.
  const asked = ownQuestion(tokens);
  if (asked) score += 3;
  if (asked === 'whether' && tokens.some((token) => token.norm === 'or')) score += 6;
  // "I've been a porter eleven years", "Dad's had the van thirty years": how long is the setting, not the point.
  const lasting = tokens.some((token, i) => /^(years?|months|decades?|year)$/.test(token.norm) && (/^(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|many|several|few)$/.test(tokens[i - 1]?.norm ?? '') || /-/.test(tokens[i - 1]?.norm ?? '')));
  // (Only the client's own history, or their family's: "the waiting list is 14 months" is the problem itself.)
  // ("Eighteen year I've been frying…" puts the time first.)
  const history = tokens.slice(0, 3).some((token) => SELF_SUBJECT.test(token.norm)) || /^(dad's|mum's|mam's|my|we've|we)$/.test(tokens[0]?.norm ?? '');
  if (lasting && history && !tokens.some((token) => isFeeling(token, words)) && !findPhrase(clause.tokens, words.loss)) score -= 2;
  // "I just can't face the shed", "I keep smelling that room", "I'm still shaking": the client's own held-back moment.
  const own = tokens.findIndex((token) => SELF_SUBJECT.test(token.norm));
  if (own >= 0 && tokens.slice(own + 1, own + 4).some((token) => /^(can't|cant|cannot|cannae|couldn't|don't|dont|didn't|won't|keep|still|haven't|never)$/.test(token.norm))) score += 2;
  // "Not even a thank you", "I do care", "more than I'd ever admit", "not any more": what stings, what has changed and
  // what they hold back are where the feeling is, even with no feeling word. ("I used to be a headteacher" is the setting.)
  const said = tokens.map((token) => token.norm).join(' ');
  if (/\b(not even|any more|anymore|more than i'd|more than i let|than i let on|i do (care|mind|love|want|miss))\b/.test(said)) score += 3;
  // "It's silly to be this upset", "I know that sounds petty": said back, their dismissal of themselves is endorsed.
  // ("in a silly voice" describes something else.)
  // (But "I feel stupid for letting it get to me" is a feeling, said back.)
  if (tokens.some((token, i) => SELF_DISMISSAL.test(token.norm) && /^(it's|that's|sounds|being|is|so|bit|too|totally|probably)$/.test(tokens[i - 1]?.norm ?? ''))) score -= 6;
  if (tokens.some((token, i) => SHOULD_NOT_FEEL.test(`${token.norm} ${tokens[i + 1]?.norm ?? ''} ${tokens[i + 2]?.norm ?? ''}`))) score -= 6;
  score -= fragmentPenalty(tokens, whole);
  const reporter = tokens.findIndex((token) => REPORTING.test(token.norm));
  if (reporter > 0 && reporter <= 5 && !tokens.slice(0, reporter).some((token) => FIRST_PERSON.has(token.norm) && token.norm !== 'my')) score -= 2;
  return score;
}

// "I drive the mobile library round the Dales", "I'm chair of governors at St Anne's": a client opens with who
// they are and what they do, so that the rest makes sense. Said back, it is the one thing they did not need heard.
const SETTING = 3;
const ROUTINE = /^(run|do|drive|work|coach|score|play|teach|manage|own|volunteer|help|clean|cook|look|sing|ring|serve|deliver|sell|teach|train|keep|mind|care|live|go)$/;

function settingOnly(clause: Clause, words: RewriteWords): boolean {
  const all = words_(clause);
  // "Thirty-one years I've been groundsman": the time put first is still the setting.
  const fronted = /^(years?|months)$/.test(all[1]?.norm ?? '') ? 2 : 0;
  const tokens = all.slice(fronted);
  if (tokens.some((token) => isFeeling(token, words)) || findPhrase(clause.tokens, words.loss) || Object.values(words.risk).some((list) => findPhrase(clause.tokens, list))) return false;
  const [first, second, third] = tokens.map((token) => token.norm);
  if (first === 'i' && ROUTINE.test(second ?? '')) return true;
  // "I'm warden at a hostel", "I'm 34", "I've played second cornet … for nineteen years".
  if (first === "i'm" || first === 'im') return /^(a|an|the|\d+|chair|head|warden|manager|captain|treasurer|secretary|on)$/.test(second ?? '') || /^(at|for|of|in)$/.test(third ?? '');
  // Not "I've been low for a year": only what they have done, or been, for years.
  const done = /^(played|rung|worked|done|run|driven|taught|coached|lived|kept|owned|managed|served|volunteered|sung|had)$/.test(second ?? '') || (second === 'been' && /^(a|an|the|at|on|in|with|doing|working|playing|coming|going|running|driving)$/.test(third ?? ''));
  return (first === "i've" || first === 'ive') && (done || fronted > 0) && (fronted > 0 || tokens.some((token) => /^(years?|decades?)$/.test(token.norm)));
}

const MAX_CLAUSE_WORDS = 16;
const WHOLE_CLAUSE_WORDS = 22;
const CLAUSE_START = /^(i|i'm|i've|i'd|i'll|im|ive|he|she|they|we|it|it's|he's|she's|they're|we're|my|the|that|there|there's|then|now|you|your|his|her|our|their|nobody|everyone|someone|this|so|if|when|a)$/;

/** A long clause cut at a break after its feeling (or its first words), so the reflection stays short. */
// "…a couple of cans between": a cut with no break to stop at must not leave a word hanging either.
const HANGING = /^(between|after|over|under|through|around|round|near|behind|without|across|against|towards|toward|onto|upon|off)$/;

/** `keep`: an offset the judgment heard a risk up to, which the cut must not fall before. */
function trimmed(clause: Clause, words: RewriteWords, keep = -1): Clause {
  // "I don't know if I want him to stay or if I'd feel relieved if he left" is cut nowhere: both halves are the question.
  if (words_(clause).length <= MAX_CLAUSE_WORDS || (ownQuestion(words_(clause)) && words_(clause).length <= 24)) return clause;
  const feeling = clause.tokens.findIndex((token) => isFeeling(token, words));
  // "Mum's been in the hospice two weeks and I keep leaving early because …": when the client comes in only
  // after a break, what they do is the part to say back.
  const own = clause.tokens.findIndex((token, i) => i > 2 && words.clauseBreaks.has(clause.tokens[i - 1]!.norm) && CLIENT_I.test(token.norm));
  // Not "dad said if I'm late again he'll …": what someone said is theirs, and the cut would lose who said it.
  const before = clause.tokens.slice(0, own);
  if (own > 0 && feeling < own && !before.some((token) => FIRST_PERSON.has(token.norm) || REPORTING.test(token.norm)) && !Object.values(words.risk).some((list) => findPhrase(before, list))) {
    return trimmed({ ...clause, tokens: clause.tokens.slice(own) }, words);
  }
  // "…go to sleep and not wake up" cut at its "and" would say the opposite: a risk is kept whole.
  const risk = Object.values(words.risk).map((list) => findPhrase(clause.tokens, list)).find((found) => found !== null);
  const heard = clause.tokens.filter((token) => token.end <= keep).length;
  const from = Math.max(4, feeling + 1, risk ? risk.index + risk.phrase.length : 0, heard);
  // "…not being around by then" is not cut at its "then": the break must not leave a word hanging before it.
  // ("my kilt and pipes in the loft" is not cut at its "and": one that joins two things goes on to a subject.)
  const joinsThings = (i: number): boolean => /^(and|or)$/.test(clause.tokens[i]!.norm) && !CLAUSE_START.test(clause.tokens[i + 1]?.norm ?? '');
  // ("I only found out because my daughter wasn't invited…": a reason cut from a short start leaves the start saying nothing.)
  const reasonTooSoon = (i: number): boolean => /^(because|cause|cos|coz)$/.test(clause.tokens[i]!.norm) && i < 6;
  const cut = clause.tokens.findIndex((token, i) => i >= from && words.clauseBreaks.has(token.norm) && !DANGLING.test(clause.tokens[i - 1]?.norm ?? '') && !joinsThings(i) && !reasonTooSoon(i));
  // With no break to stop at, a clause of moderate length is kept whole: "the old Land." cut from "Land Rover" is worse.
  if (cut <= 0 && words_(clause).length <= WHOLE_CLAUSE_WORDS) return clause;
  let end = cut > 0 ? cut : Math.min(clause.tokens.length, from + 8);
  while (cut <= 0 && end > from && end < clause.tokens.length && (DANGLING.test(clause.tokens[end - 1]!.norm) || HANGING.test(clause.tokens[end - 1]!.norm))) end -= 1;
  return { ...clause, tokens: clause.tokens.slice(0, end) };
}

/** A short clause ("I'm nervous") and the clause after it in the same sentence, when that one has its own subject. */
function withNext(clause: Clause, clauses: Clause[], words: RewriteWords): Clause[] {
  // (A clause cut short by trimmed is not in the list, and has no next.)
  const at = clauses.indexOf(clause);
  const next = at >= 0 ? clauses[at + 1] : undefined;
  // "I'm not even angry anymore, just sort of numb": a feeling after a comma, with no verb of its own, goes on the clause before.
  const rest = next ? words_(next) : [];
  if (next && next.tokens[0]!.sentence === clause.tokens[0]!.sentence && rest.length <= 5 && /^(just|only|mostly|more|sort|kind|really|so|completely|totally|a)$/.test(rest[0]?.norm ?? '') && rest.some((token) => isFeeling(token, words)) && !rest.some((token) => FINITE.test(token.norm))) {
    return [{ ...clause, trailing: spanText(next) }];
  }
  if (!next || next.after || words_(clause).length >= 5 || words_(next).length > 10 || !SUBJECTS.test(words_(next)[0]!.norm)) return [clause];
  return clause.tokens[0]!.sentence === next.tokens[0]!.sentence ? [clause, next] : [clause];
}

// A clause that starts with its verb ("Broke up with my partner", "Been awake til 4") left its subject out.
const STARTS_WITH_VERB = /^(woke|spent|been|came|took|made|saw|heard|told|broke|got|lost|had|have|feel|feeling|felt|can't|cant|couldn't|didn't|don't|dont|went|keep|kept|started|stopped|found|failed|passed|split|moved|left|quit|need|want|wanted|hate|love|miss|missed|think|thought|know|knew|wish|tried|cried|can|could|won't|wont|haven't|havent)$/;

/** The clause in the second person, without the client's own minimisers ("I just can't" -> "you can't"). */
// "I'm having a panic attack I think": the hedge at the end is the client's, not part of what happened.
const TRAILING_HEDGE = /^(think|guess|suppose|reckon)$/;

/** A quotation opened in the client's words and cut before it closes loses its opening mark: "not 'vulnerable enough". */
function balancedQuotes(text: string): string {
  const opening = /(^|\s)(['‘"“])(?=\p{L})/u.exec(text);
  if (!opening) return text;
  const at = opening.index + opening[1]!.length;
  const closer = opening[2] === '"' || opening[2] === '“' ? /["”]/ : /(?<=[\p{L}.!?])['’](?!\p{L})/u;
  return closer.test(text.slice(at + 1)) ? text : text.slice(0, at) + text.slice(at + 1);
}

// "Mum's been in the hospice": a family word used as a name is the client's, and said back it is "your mum".
const KIN = 'mum|mam|mom|dad|nan|nana|gran|granny|grandad|grandma|grandpa';
// Only where it is a name: capitalised, not after an owner ("her Mum"), and not what someone is called ("call you Grandad").
const KIN_AS_NAME = new RegExp(`(?<!\\b(?:your|my|his|her|their|our|a|the|whose|'s|(?:${KIN}) and|(?:call|calls|called|calling) \\S+)\\s)\\b(${KIN.replace(/\b(\w)/g, (letter) => letter.toUpperCase())})\\b`, 'g');
// "dad said …", texted in lower case, opens on the name all the same.
const KIN_OPENING = new RegExp(`^(${KIN})\\b`);
const withOwner = (said: string): string => said.replace(KIN_AS_NAME, (word: string) => `your ${word.toLowerCase()}`).replace(KIN_OPENING, 'your $1');

// "Council said I'm not priority", "Bloke behind me dropped a clipboard": the clipped style drops the article,
// which the reflection puts back ("the council said", "a bloke behind you").
const ARTICLE_DROPPED: Record<string, string> = { app: 'the', council: 'the', foreman: 'the', police: 'the', school: 'the', hospital: 'the', jobcentre: 'the', nurse: 'the', doctor: 'the', consultant: 'the', landlord: 'your', boss: 'your', manager: 'your', gp: 'your', bloke: 'a', lad: 'a', guy: 'a', fella: 'a', lads: 'the', kids: 'the' };
function withArticle(said: string): string {
  const first = /^\p{L}+/u.exec(said)?.[0] ?? '';
  const article = ARTICLE_DROPPED[first.toLowerCase()];
  return article && /^\p{L}+\s+\p{Ll}/u.test(said) ? `${article} ${first.toLowerCase()}${said.slice(first.length)}` : said;
}

function turned(clause: Span, words: RewriteWords): string {
  const asked = askedOf(clause, words);
  if (asked) return asked;
  return embeddedQuestion(turnedClause(clause, words));
}

/** "you keep thinking did you set the clutch wrong" -> "you keep wondering whether you set the clutch wrong". */
const embeddedQuestion = (said: string): string =>
  said.replace(/\b(thinking|wondering|asking yourself),? (did|do|should|could) you (\w+)/i, (_, _verb: string, aux: string, next: string) =>
    aux.toLowerCase() === 'did' ? `wondering whether you ${pastOf(next.toLowerCase())}` : `wondering whether you ${aux.toLowerCase() === 'do' ? '' : `${aux.toLowerCase()} `}${next}`);

/** A verb the client opened on, after the subject put back in front of it: "Feels like" -> "it feels like". */
const lowerInitial = (said: string): string => said.charAt(0).toLowerCase() + said.slice(1);

// "Only thing is I've not had…" and "Eighteen year I've been frying…": the client's way of leading in, which said
// back after a frame reads garbled ("It sounds like Eighteen year you've been…").
const LEAD_IN = /^(?:the )?(?:only |main |real |one )?(?:thing|trouble|problem|worry|issue|catch) is,? (?:that )?(?=\S)/i;
const FRONTED_TIME = /^((?:\w+-)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|\d+)) (years?|months?|weeks?) (?=(?:you've|you have|you|you're|your|we've|we)\b)/i;
function unfronted(said: string): string {
  const led = said.replace(LEAD_IN, '');
  return led.replace(FRONTED_TIME, (_, count: string, unit: string) => `for ${count.toLowerCase()} ${unit.toLowerCase().replace(/s?$/, count.toLowerCase() === 'one' ? '' : 's')} `);
}

function turnedClause(clause: Span, words: RewriteWords): string {
  let tokens = clause.tokens;
  // "does anyone else get so lonely on sundays": a forum's way of saying "I do".
  const asking = tokens.findIndex((token) => /^(anyone|anybody)$/.test(token.norm));
  if (asking >= 0 && asking <= 1 && tokens.slice(0, asking).every((token) => /^(does|do)$/.test(token.norm))) {
    const rest = tokens.slice(asking + 1);
    const from = (rest[0]?.norm === 'else' ? rest.slice(1) : rest).filter((token, i, all) => !token.isWord || !words.minimisers.some((phrase) => phrase.length === 1 && phraseAt(all, i, phrase)));
    const said = lowerFirst(secondPerson({ text: clause.text, tokens: from }, words), words).replace(/\btheir\b/g, 'your').replace(/\bthey\b/g, 'you');
    return `you ${said}`;
  }
  const n = tokens.length;
  if (n > 3 && /^(i|i'd)$/.test(tokens[n - 2]!.norm) && TRAILING_HEDGE.test(tokens[n - 1]!.norm)) tokens = tokens.slice(0, n - 2);
  // "…if I leave honestly", "…cant sleep tho": a filler at the end is the client's voice, not what happened.
  while (tokens.length > 3 && /^(honestly|tbh|lol|tho|though|haha|like|really|anyway|innit)$/.test(tokens.at(-1)!.norm)) tokens = tokens.slice(0, -1);
  const kept = tokens.filter((token, i) => !words.minimisers.some((phrase) => phrase.length === 1 && phraseAt(tokens, i, phrase)) || !token.isWord);
  const said = unfronted(withArticle(balancedQuotes(lowerFirst(withOwner(secondPerson({ text: clause.text, tokens: kept }, words)), words))));
  const first = kept.find((token) => token.isWord)?.norm ?? '';
  if (first === 'been') return `you've ${said}`;
  // "Feels like I'd be burying him twice."
  if (first === 'feels') return `it ${lowerInitial(said)}`;
  // "Put me on nights again": someone did it to the client; "his key" says who.
  // ("Then told me she died on that ward": no one tells themselves; "told me" was someone else.)
  const second = kept.filter((token) => token.isWord)[1]?.norm ?? '';
  const toClient = /^(told|asked|gave|showed|sent|texted|rang)$/.test(first) && /^(me|us)$/.test(second);
  if ((someoneElseDid(first) || toClient) && namesClient(kept)) {
    const norms = kept.map((token) => token.norm);
    return `${norms.some((norm) => /^(his|him|himself)$/.test(norm)) ? 'he' : norms.some((norm) => /^(her|herself)$/.test(norm)) ? 'she' : 'they'} ${said}`;
  }
  // "Miss Carter gave me a detention": a title, not the client missing someone.
  const next = kept.filter((token) => token.isWord)[1]?.norm ?? '';
  if (first === 'miss' && !/^(my|her|him|them|you|it|the|a|being|having|home|work|school|out|seeing|going|everything|everyone|that|this|those|how|when|what)$/.test(next) && !/ing$/.test(next)) return said;
  return STARTS_WITH_VERB.test(first) ? `you ${lowerInitial(said)}` : said;
}

const quote = (clause: Span, limit = 6): string => {
  const tokens = words_(clause);
  const shown = spanText({ text: clause.text, tokens: clause.tokens.slice(0, clause.tokens.indexOf(tokens[Math.min(tokens.length, limit) - 1]!) + 1) });
  return tokens.length > limit ? `${shown}…` : shown;
};

const FRAMES: ((clause: string) => string)[] = [
  (c) => `It sounds like ${c}.`,
  (c) => `So ${c}.`,
  (c) => `${capitalise(c)}.`,
  (c) => `You're saying ${c}.`,
  (c) => `I'm hearing that ${c}.`,
  (c) => `It seems ${c}.`,
  (c) => `From what you're saying, ${c}.`,
  (c) => `What I'm hearing is that ${c}.`,
  (c) => `If I've understood, ${c}.`,
];

// For a clause that carries a painful feeling: what it is like, in plain words, by the feeling's family.
const WHAT_IT_IS_LIKE: Record<Family, string[]> = {
  fear: ['that sounds really frightening', "that's a scary thing to face"],
  sadness: ['that sounds so painful', "that's a lot of hurt to carry"],
  strain: ['that sounds exhausting', "that's a lot to carry"],
  shame: ["that's a heavy thing to carry", 'that sounds really hard to sit with'],
  anger: ['no wonder you feel that way', 'that sounds so frustrating'],
};

const LOSS_FRAMES: ((clause: string) => string)[] = [
  (c) => `I'm so sorry that ${c}.`,
  (c) => `I'm so sorry to hear that ${c}.`,
];

const TWO_SIDED: ((a: string, b: string) => string)[] = [
  (a, b) => `${capitalise(a)}, and ${b}.`,
  (a, b) => `${capitalise(a)}, and at the same time ${b}.`,
];

const CAUGHT: ((a: string, b: string) => string)[] = [
  (a, b) => `It sounds like you're caught either way: ${a}, and ${b}.`,
  (a, b) => `So you're stuck between the two: ${a}, and ${b}.`,
];

/**
 * "If I step aside it looks dodgy, and if I don't it looks dodgier", "If I report it they might take the dog, and
 * it's all she's got": a choice the client weighs by what each way would cost, said back as the bind it is.
 */
function caughtBetween(clauses: Clause[], words: RewriteWords): Reflection | null {
  // "If I go, it closes. If I stay, I'm him in thirty years.": each way and what it costs, a sentence each.
  for (const [i, go] of clauses.entries()) {
    const [cost, stay, costs] = [clauses[i + 1], clauses[i + 2], clauses[i + 3]];
    if (!cost || !stay || !costs) continue;
    const ifI = (clause: Clause): boolean => /^if (i|we) \S+/.test(words_(clause).slice(0, 3).map((token) => token.norm).join(' ')) && words_(clause).length <= 8 && !/^(honest|being|mean|think)$/.test(words_(clause)[2]?.norm ?? '');
    const sameSentence = (a: Clause, b: Clause): boolean => a.tokens[0]!.sentence === b.tokens[0]!.sentence;
    if (!ifI(go) || !ifI(stay) || !sameSentence(go, cost) || !sameSentence(stay, costs) || sameSentence(go, stay)) continue;
    if ([go, cost, stay, costs].some((clause) => words_(clause).length > 10 || words_(clause).some((token) => /^(you|your|you're)$/.test(token.norm)))) continue;
    const [a, b] = [`${turned(go, words)}, ${turned(cost, words)}`, `${turned(stay, words)}, ${turned(costs, words)}`];
    return { text: CAUGHT[choose(a, CAUGHT.length)]!(a, b), reason: `reflects the bind the client described: “${quote(go)}, ${quote(cost)}” and “${quote(stay)}, ${quote(costs)}”` };
  }
  for (const [i, first] of clauses.entries()) {
    const second = clauses[i + 1];
    const opening = words_(first).map((token) => token.norm);
    if (!second || second.tokens[0]!.sentence !== first.tokens[0]!.sentence) continue;
    // Not "if I'm honest" or "if I'm being honest": a hedge, not a way the choice could go.
    if (opening[0] !== 'if' || !/^(i|we)$/.test(opening[1] ?? '') || /^(honest|being|mean|think)$/.test(opening[2] ?? '') || opening.length < 5) continue;
    const then = words_(second);
    if (then.length < 3 || !/^(if|it's|it|that|she|he|they|they'd|i'd|i|i'll|she's|he's|there's)$/.test(then[0]!.norm)) continue;
    if ([...opening, ...then.map((token) => token.norm)].some((norm) => /^(you|your|you're)$/.test(norm))) continue;
    const a = turned(trimmed(first, words), words);
    const b = turned(trimmed(second, words), words);
    return { text: CAUGHT[choose(a, CAUGHT.length)]!(a, b), reason: `reflects the bind the client described: “${quote(first)}” and “${quote(second)}”` };
  }
  return null;
}

const HELD = /^(love|want|need|miss|care about|believe in)$/;

/**
 * "I love my daughter. I love my chapel. I'm being asked to choose and I can't.": two things held dear, side by side,
 * are both sides of the dilemma, and what makes them one is said back with them.
 */
function bothLoved(clauses: Clause[], words: RewriteWords): Reflection | null {
  for (const [i, first] of clauses.entries()) {
    const second = clauses[i + 1];
    if (!second) continue;
    const [a, b] = [words_(first), words_(second)];
    if (a.length > 7 || b.length > 7 || a[0]?.norm !== 'i' || b[0]?.norm !== 'i' || !HELD.test(a[1]?.norm ?? '') || a[1]!.norm !== b[1]?.norm) continue;
    if (spanText(first).toLowerCase() === spanText(second).toLowerCase()) continue;
    const third = clauses[i + 2];
    const choosing = third && words_(third).some((token) => /^(choose|choosing|pick|picking|decide)$/.test(token.norm)) && words_(third).length <= 12 ? `, and ${turned(third, words)}` : '';
    const said = `${turned(first, words)}, and ${turned(second, words)}${choosing}`;
    return { text: `${capitalise(said)}.`, reason: `reflects both things the client holds dear: “${quote(first)}” and “${quote(second)}”` };
  }
  return null;
}

/** Both sides of a dilemma, "part of you …, and part of you …", when the client gave both in the first person. */
function twoSided(clauses: Clause[], words: RewriteWords): Reflection | null {
  for (const second of clauses) {
    const first = second.after;
    if (!first || words_(first).length < 2 || words_(second).length < 2) continue;
    // Two sides, each with its own subject, and something wanted, felt or known: not "I vape, but only because …".
    // ("some days I sit in the car park…": a time word may come before the subject.)
    const secondWords = words_(second);
    const lead = /^(some|most|other|every)$/.test(secondWords[0]!.norm) && /^(days|nights|mornings|times|weeks)$/.test(secondWords[1]?.norm ?? '') ? 2 : /^(sometimes|then|now|still|lately|often)$/.test(secondWords[0]!.norm) ? 1 : 0;
    if (!SUBJECTS.test(secondWords[lead]?.norm ?? '')) continue;
    // "I'm meant to be grateful" is what others expect of them, not a part of them; "I know that's true" says nothing alone.
    if ([first, second].some((side) => words_(side).some((token, i, all) => /^(meant|supposed|expected)$/.test(token.norm) && all[i + 1]?.norm === 'to'))) continue;
    if (words_(first).filter((token) => isContent(token, words) && !/^(true|right|fine|okay|ok|know)$/.test(token.norm)).length === 0) continue;
    // Not a side that talks to the helper ("I know what you're going to say") or dismisses the client's own feeling.
    if ([first, second].some((side) => words_(side).some((token) => /^(you|your|you're|you've)$/.test(token.norm) || SELF_DISMISSAL.test(token.norm)))) continue;
    if (![...first.tokens, ...second.tokens].some((token) => words.dilemmaSignals.has(token.norm) || isFeeling(token, words))) continue;
    const side = (clause: Clause): string | null => {
      // "I'm 17 and I'm doing chemistry because my dad wants me to": the side is what comes after the last "and I".
      const from = clause.tokens.reduce((last, token, i) => (i > 1 && SELF_SUBJECT.test(token.norm) && clause.tokens[i - 1]!.norm === 'and' ? i : last), -1);
      const said = partOfYou(trimmed(from > 0 ? { ...clause, tokens: clause.tokens.slice(from) } : clause, words), words);
      return said === null ? null : withOwner(said);
    };
    const a = side(first);
    if (!a) continue;
    const b = side(second) ?? turned(trimmed(second, words), words);
    const frame = TWO_SIDED[b.startsWith('part of you') ? 0 : 1]!;
    return { text: frame(a, b), reason: `reflects both sides the client described: “${quote(first)}” and “${quote(second)}”` };
  }
  return null;
}

// The listening words of each frame, by root: a frame is not used beside a kept sentence that already says
// one ("I'm hearing that …. I can hear how painful this is" is a repeated frame).
const LISTENING = /\b(sound|hear|seem|say|understood)(s|ing)?\b/gi;
const listeningIn = (text: string): string[] => [...text.matchAll(LISTENING)].map((m) => m[1]!.toLowerCase());
const FRAME_LISTENING = FRAMES.map((frame) => listeningIn(frame('')));

// "Your girlfriend barely sees you", "your da was at you the whole way home": someone close, doing something to the
// client. (Not "your son's been diagnosed" or "your wife's MS": what happens to them is not between the two of
// them. Not "your daughter-in-law": someone else. Not "your wife left you": the two of them are apart.)
const CLOSE_TO_CLIENT = /^your (partner|girlfriend|boyfriend|husband|wife|fella|mum|mam|mom|mother|dad|da|father|son|daughter|brother|sister|mates|friends|best friend|flatmate|housemate)\b(?![-'’])(?!.*\b(left|dumped|broke up|split up|finished with|divorced)\b)[^,]*?\byou\b/;

// "I can't even think about it": asked what they make of it, they are asked to do what they just said they cannot.
const TOO_MUCH = /\b(can't|cannot|couldn't|don't want to|can't bear to) (even )?(think|talk|bear to think) about (it|that|this)\b/;

const PAIRED_WORDS = 22;
const FEELING_WEIGHT = 4;

/** The clause before a feeling that it answers, when it weighs as much as the feeling's clause without its feeling. */
function situationBefore(clause: Clause, weightWithoutFeeling: number, weighed: readonly { clause: Clause; weight: number }[], words: RewriteWords): [Clause, Clause] | null {
  const pair = pairedWith(clause, weightWithoutFeeling, weighed, words);
  // ("Tired. Everything tired.": a word or two is not a situation.)
  return pair && pair[1] === clause && words_(pair[0]).length >= 4 ? pair : null;
}

/**
 * "I've been doing six-am and nine-pm sessions. My girlfriend barely sees me.": the situation and what it costs
 * are two sentences, and either alone misses the point. A second sentence that weighs nearly as much is said back
 * with the first, in the client's order, while the two stay short.
 */
function pairedWith(clause: Clause, bestWeight: number, weighed: readonly { clause: Clause; weight: number }[], words: RewriteWords): [Clause, Clause] | null {
  const sentence = clause.tokens[0]!.sentence;
  const other = weighed
    .filter(({ clause: c, weight: w }) => c.tokens[0]!.sentence !== sentence && w >= Math.max(2, bestWeight - 2))
    .reduce<{ clause: Clause; weight: number } | null>((a, b) => (a && a.weight >= b.weight ? a : b), null);
  // A second clause that had to be cut is a fragment beside the first: "…think it would be easier".
  if (!other || trimmed(other.clause, words) !== other.clause) return null;
  if (words_(clause).length + words_(other.clause).length > PAIRED_WORDS) return null;
  // ("Tired. Everything tired.": a word or two beside it adds nothing; nor does "Best feeling ever", with no verb.)
  if (words_(other.clause).length < 3 || (fragmentPenalty(words_(other.clause), true) > 0 && !ownQuestion(words_(other.clause)))) return null;
  // "I just don't want it" said twice is one thing, not two.
  if (turned(clause, words) === turned(other.clause, words)) return null;
  // Not the client's question ("Who's going to take me on now?"), a plea to the helper ("Please don't report
  // me"), or a clause that leans on the one left out ("They said I can walk 200 metres, I can't").
  const second = words_(other.clause);
  const end = other.clause.text.slice(second.at(-1)!.end).trimStart();
  // (A question the client asks themselves is said back as theirs: "you're not sure whether …", "you're wondering …".)
  const question = end.startsWith('?') || /^((who|what|how|where|when)('s|'re|'ll)?|why|which|do|does|did|is|are|can|could|should|would|will)$/.test(second[0]!.norm);
  if ((question && !ownQuestion(second)) || second[0]!.norm === 'please') return null;
  // "Maybe I'm just not cut out for it", "maybe I should not have come": the client's verdict on themselves,
  // said back in "you", is the helper agreeing with it.
  const norms = second.map((token) => token.norm).join(' ');
  if (/^(maybe|perhaps)\b/.test(norms) || /^(i know )?i (should not have|shouldn't have|should've|should have)\b|\bnot cut out\b/.test(norms) || findPhrase(other.clause.tokens, words.selfBlame)) return null;
  const [subject, verb] = second.slice(-2).map((token) => token.norm);
  const leans = /^(i|you|he|she|we|they|it)$/.test(subject ?? '') && /^(can't|cant|can|don't|dont|do|did|didn't|won't|will|am|is|was|wasn't|have|haven't|had|would|wouldn't|should|could|couldn't)$/.test(verb ?? '');
  if (leans && !second.some((token) => /^(how|what|why|where|when|who)$/.test(token.norm))) return null;
  return other.clause.tokens[0]!.start < clause.tokens[0]!.start ? [other.clause, clause] : [clause, other.clause];
}

/**
 * The best reflection of the client's statement, or null when nothing in it can be said back; `heavy` allows
 * saying how heavy a painful feeling is; `kept`: the draft's sentences the rewrite keeps.
 */
export function reflectClient(client: Analysis, words: RewriteWords, heavy = true, kept: readonly string[] = []): Reflection | null {
  const clauses = clausesOf(client, words);
  const dilemma = twoSided(clauses, words) ?? caughtBetween(clauses, words) ?? bothLoved(clauses, words);
  if (dilemma) return dilemma;
  const weighed = clauses.map((clause, i) => ({ clause, weight: weight(clause, words) - (i === 0 && clauses.length > 1 && settingOnly(clause, words) ? SETTING : 0) }));
  const top = weighed.reduce<{ clause: Clause; weight: number } | null>((a, b) => (a && a.weight >= b.weight ? a : b), null);
  if (!top || top.weight < 1) return null;
  const best = top.clause;
  const [clause, next] = withNext(trimmed(best, words), clauses, words) as [Clause, Clause?];
  const said = next ? `${turned(clause, words)}, and ${turned(next, words)}` : clause.trailing ? `${turned(clause, words)}, ${lowerFirst(clause.trailing, words)}` : turned(clause, words);
  // (A feeling weighs the most; the situation it answers, said before it, is weighed against the rest of the clause.)
  const feeling = feelingOf(clause, words);
  const pair = next || clause.trailing ? null : pairedWith(clause, top.weight, weighed, words) ?? (feeling ? situationBefore(clause, top.weight - FEELING_WEIGHT, weighed, words) : null);
  // "The specialist told me my scans are normal. But I can barely get out of bed.": the client's "but" stays,
  // when it was set against the clause said back beside it.
  const against = pair !== null && pair[1].contrast === true && (pair[1].after === pair[0] || clauses[clauses.indexOf(pair[1]) - 1] === pair[0]);
  const saidInFull = pair ? `${turned(pair[0], words)}, ${against ? 'but' : 'and'} ${turned(pair[1], words)}` : said;
  // "It sounds like your husband passed away" is cold: a death is met with condolence first. Not a loss that is
  // the client's work ("I've done hundreds of funerals"): a plural "funerals" or "deaths" is a job, not a bereavement.
  // Nor someone else's loss the client met ("a couple whose little girl died", "clothes from people who've died").
  const othersLoss = clause.tokens.some((token, i) => /^(funerals|deaths|graves|whose)$/.test(token.norm) || (token.norm === 'people' && /^(who|who've|who'd)$/.test(clause.tokens[i + 1]?.norm ?? '')));
  if (clientsLoss(clause, words) && !othersLoss && !/^\p{L}+ing\b/u.test(said)) {
    return { text: LOSS_FRAMES[choose(said, LOSS_FRAMES.length)]!(saidInFull), reason: `offers condolence for what the client lost, “${quote(clause)}”`, loss: true };
  }
  // "What kind of daughter does that?": the client's verdict on themselves is heard, not left standing.
  // Only their own verdict ("My sister says I'm pathetic" is the sister's), and only on what they did.
  const blame = clauses.find((c) => {
    const found = c !== clause && findPhrase(c.tokens, words.selfBlame);
    return found && !c.tokens.slice(0, found.index).some((token) => REPORTING.test(token.norm) || /^(calls?|called)$/.test(token.norm));
  });
  if (heavy && blame && !next && /^((sometimes|still|now|then|often) )?you\b/.test(said) && !findPhrase(clause.tokens, words.selfBlame)) {
    const options = ["and you're being really hard on yourself about it", "and it sounds like you're judging yourself harshly for it"];
    return { text: `${capitalise(said)}, ${options[choose(said, options.length)]!}.`, reason: `hears the client judging themselves, “${quote(blame)}”`, family: 'shame' };
  }
  // "She just looked frightened", "he's stressed at work": someone else's feeling is not the client's to have said is heavy.
  // (Whose it is: the last subject before the feeling word, "he doesn't pay me and I'm scared" being the client's.)
  const subject = clause.tokens.slice(0, Math.max(0, clause.tokens.indexOf(feeling ?? clause.tokens[0]!))).reverse().find((token) => /^(i|i'm|im|i've|i'd|i|me|my|he|she|they|he's|she's|they're|his|her|their)$/.test(token.norm));
  const theirs = /^(he|she|they|he's|she's|they're|his|her|their)$/.test(subject?.norm ?? '');
  const family = feeling && !theirs && FAMILIES.find((name) => words.families.get(name)?.has(feeling.norm));
  // "the only time I'm not scared of dying" is not fear to say is frightening.
  const at = clause.tokens.indexOf(feeling ?? clause.tokens[0]!);
  const negated = clause.tokens.slice(Math.max(0, at - 3), at).some((token) => /^(not|never|no|isn't|aren't|wasn't|don't|didn't|without)$/.test(token.norm) || /n't$/.test(token.norm));
  // "Claire emails me at eleven at night… I've started dreading the sound of my phone": what the feeling answers
  // is said back with it, rather than how heavy it is.
  // ("I don't know if I'm more angry or scared" is not frustration to say is frustrating: it is their question.)
  const weighing = ownQuestion(words_(clause)) !== null;
  if (heavy && family && !next && !pair && !negated && !weighing && !words.positiveFeelings.has(feeling.norm)) {
    const options = WHAT_IT_IS_LIKE[family];
    return { text: `${capitalise(said)}, and ${options[choose(said, options.length)]!}.`, reason: `reflects the client's “${feeling.text}”`, family };
  }
  let frame = choose(said, FRAMES.length);
  // "So you feel so ashamed" says "so" twice.
  if (frame === 1 && /\bso\b/i.test(saidInFull)) frame = 2;
  // Without a frame, "He is from the group that attacked your village." reads as the helper's own claim.
  if (frame === 2 && !/^you/i.test(saidInFull)) frame = 0;
  const heard = new Set(kept.flatMap(listeningIn));
  for (let step = 0; step < FRAMES.length && FRAME_LISTENING[frame]!.some((word) => heard.has(word)); step += 1) frame = (frame + 1) % FRAMES.length;
  const text = FRAMES[frame]!(saidInFull);
  const reason = feeling ? `reflects the client's “${feeling.text}”` : pair ? `reflects the client's own words “${quote(pair[0])}” and “${quote(pair[1])}”` : `reflects the client's own words “${quote(clause)}”`;
  const between = saidInFull.split(/, (?:and|but) /).map((piece) => CLOSE_TO_CLIENT.exec(piece)?.[1]).find(Boolean);
  // A painful feeling said back with what it answers: the question goes on with the feeling.
  const painful = TOO_MUCH.test(saidInFull) ? { tooMuch: true } : pair && family && !negated && !words.positiveFeelings.has(feeling.norm) ? { family } : between ? { between } : {};
  return { text, reason, ...painful };
}

export interface Risk {
  kind: RiskKind;
  clause: Span;
  /** someone else the client says is hurt or in danger ("your son", "he"): the safety question is about them */
  who?: string;
  /** the danger is on the road: drink, drugs or sleep, and driving (or riding, on a bike) */
  road?: boolean | 'ride';
  /** the person the clause is about, when commas cut them off it ("Mr Okafor, who grabs …") */
  subject?: string;
}

/** Where the judgment heard a risk in the client's statement: character offsets. */
export interface Heard {
  start: number;
  end: number;
}

// "I slapped him", "my daughter's cutting herself": the one at risk is someone else, and the question is about them.
const CHILD_WORDS = /^(son|daughter|kid|kids|child|children|baby|boy|girl|lad|lass|toddler|stepson|stepdaughter|grandson|granddaughter|nephew|niece|mindee|mindees|pupil|pupils)$/;
const AGENT_VERBS = /^(takes|took|keeps|kept|has|had|holds|controls|steals|stole|hits|hit|shoves|shoved|pushes|pushed|grabs|grabbed|threatens|threatened)$/;
// The people a client serves or looks out for at work.
const SERVED = /^(patient|customer|client|pupil|student|resident|tenant|lodger|neighbour|neighbor|passenger|player|member|regular|learner|service-user|mindee|volunteer|colleague|apprentice|trainee)$/;
const OTHER_PRONOUNS: Record<string, string> = { him: 'he', his: 'he', her: 'she', them: 'they', himself: 'he', herself: 'she', themselves: 'they' };
const SELF_WORDS = /^(me|myself)$/;
const OBJECT_FORMS: Record<string, string> = { he: 'him', she: 'her', they: 'them' };

// "My mate took something and he won't wake up": the body in danger is the mate's.
const PEOPLE = /^(mate|friend|partner|husband|wife|boyfriend|girlfriend|mum|dad|mother|father|brother|sister|flatmate|housemate|nan|grandad|grandma|neighbour)$/;

// "Since tuesday", "Ward 12": a capitalised word that is not a person's name.
const NOT_A_NAME = /^(I|Mum|Dad|Mam|Nan|Sister|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter|Ward|Year|God)$/;

/** "Mr Hebden": someone the client names with a title. */
function titled(tokens: readonly Token[]): string | undefined {
  const said = tokens.filter((token) => token.isWord);
  const title = said.findIndex((token, i) => /^(mr|mrs|ms|miss|dr)$/.test(token.norm) && /^\p{Lu}/u.test(said[i + 1]?.text ?? ''));
  return title >= 0 ? `${said[title]!.text} ${said[title + 1]!.text}` : undefined;
}

/** "Mr Hebden", or "Priya" said on its own between commas: who the client is talking about, by name. */
function nameIn(tokens: readonly Token[]): string | undefined {
  const title = titled(tokens);
  if (title) return title;
  const said = tokens.filter((token) => token.isWord);
  const only = said.length === 1 ? said[0]!.text : '';
  return /^\p{Lu}\p{Ll}+$/u.test(only) && !NOT_A_NAME.test(only) ? only : undefined;
}

const PERSON_WORDS = /^(he|she|he's|she's|he'd|she'd|he'll|she'll|who)$/;

/**
 * "One of my girls, Priya, she's 16, has got really thin": the clause the risk is in lost its subject to the
 * commas before it, and gets it back, by name where the client gave one.
 */
function withItsSubject(clause: Clause, clauses: Clause[]): { clause: Clause; name?: string; subject?: string } {
  const before = clauses.filter((other) => other.tokens[0]!.sentence === clause.tokens[0]!.sentence && other.tokens[0]!.start < clause.tokens[0]!.start);
  const name = before.map((other) => nameIn(other.tokens)).filter((found) => found !== undefined).at(-1);
  const first = clause.tokens.find((token) => token.isWord);
  // "…, who grabs my wrist": the relative "who" is the person named before it.
  if (name && first && (first.norm === 'who' || /^(has|is|was|keeps|does|grabs|says|hasn't|isn't|wasn't|won't|can't|doesn't)$/.test(first.norm))) {
    const at = clause.tokens.indexOf(first);
    return { clause: { ...clause, tokens: clause.tokens.slice(first.norm === 'who' ? at + 1 : at) }, name, subject: name };
  }
  return { clause, ...(name && clause.tokens.some((token) => PERSON_WORDS.test(token.norm)) ? { name } : {}) };
}

// Drink, drugs or sleep at the wheel: the question is about the road, for them and for others on it.
const ROAD = /^(drive|drives|driving|drove|driven|wheel|motorway|ride|rides|riding|rode)$/;
const IMPAIRED = /^(cans|pints|beers|lager|cider|vodka|wine|drink|drinking|drunk|spliff|joint|weed|speed|whizz|coke|cocaine|amphetamine|amphetamines|uppers|lines|nodding|nodded|dozing|dozed|asleep|drifting|drifted|rumble)$/;

function atRisk(risk: Risk, named?: string, client?: Analysis): Risk {
  // "son's been": the word, not its clitic.
  const norms = risk.clause.tokens.filter((token) => token.isWord).map((token) => token.norm.replace(/['’]s$/, ''));
  const name = named ?? titled(risk.clause.tokens);
  if (risk.kind !== 'suicide' && client && norms.some((norm) => IMPAIRED.test(norm)) && client.words.some((token) => ROAD.test(token.norm))) {
    // "My boyfriend drove me home and he'd had six pints": the one at the wheel is whoever the driving word's subject is.
    const at = norms.findIndex((norm) => ROAD.test(norm));
    const [before, subject] = [norms[at - 2], norms[at - 1]];
    const driver = /^(he|she)$/.test(subject ?? '') ? subject : PEOPLE.test(subject ?? '') && /^(my|our)$/.test(before ?? '') ? `your ${subject}` : undefined;
    const riding = client.words.some((token) => /^(ride|rides|riding|rode)$/.test(token.norm)) && !client.words.some((token) => /^(drive|drives|driving|drove|driven)$/.test(token.norm));
    return { ...risk, road: riding ? 'ride' : true, ...(driver ? { who: driver } : {}) };
  }
  if (risk.kind === 'medical') {
    if (norms[0] === 'my' && PEOPLE.test(norms[1] ?? '')) return { ...risk, who: `your ${norms[1]}` };
    if (name && !norms.some((norm) => FIRST_PERSON.has(norm))) return { ...risk, who: name };
    return /^(he|she)$/.test(norms[0] ?? '') ? { ...risk, who: norms[0]! } : risk;
  }
  // "He's got guns on the farm", said of a client's customer, or "his dad's been on about the shotgun": the one to ask about is him.
  const holder = /^(he|she)$/.test(norms[0] ?? '') ? norms[0]! : /^(he'd|she'd|he's|she's|he'll|she'll)$/.test(norms[0] ?? '') ? norms[0]!.slice(0, -2) : /^(his|her|their)$/.test(norms[0] ?? '') && (PEOPLE.test(norms[1] ?? '') || CHILD_WORDS.test(norms[1] ?? '')) ? `${norms[0]} ${norms[1]}` : '';
  // (A goodbye texted and a phone switched off is a plan too, whoever sent it.)
  const means = norms.some((norm) => LETHAL_MEANS.test(norm) || /^(goodbye|goodbyes)$/.test(norm));
  if (risk.kind === 'suicide' && holder && means && !norms.slice(holder.includes(' ') ? 2 : 1).some((norm) => SELF_WORDS.test(norm) || /^(i|i'm|my|him|them)$/.test(norm))) return { ...risk, who: holder };
  if (risk.kind !== 'danger' && risk.kind !== 'self-harm') return risk;
  // "my friend Leah has been cutting and she showed me": the one who cuts is whoever the harm word's subject is.
  if (risk.kind === 'self-harm') {
    const said = risk.clause.tokens.filter((token) => token.isWord);
    const harm = said.findIndex((token) => HARM_WORDS.test(token.norm));
    let at = harm - 1;
    while (at > 0 && /^(has|have|had|been|is|was|keeps|kept|started|still|'s|just)$/.test(said[at]!.norm)) at -= 1;
    const subject = said[at];
    if (harm > 0 && subject && at < harm - 1) {
      if (/^\p{Lu}\p{Ll}+$/u.test(subject.text) && !NOT_A_NAME.test(subject.text)) return { ...risk, who: subject.text };
      if (/^(he|she)$/.test(subject.norm)) return { ...risk, who: subject.norm };
      if (PEOPLE.test(subject.norm) && /^(my|our)$/.test(said[at - 1]?.norm ?? '')) return { ...risk, who: `your ${subject.norm}` };
    }
  }
  if (norms.some((norm) => SELF_WORDS.test(norm))) return risk;
  // "his son takes his pension card": a child who does it is not the one at risk.
  const child = norms.findIndex((norm, i) => CHILD_WORDS.test(norm) && !(risk.kind === 'danger' && AGENT_VERBS.test(norms[i + 1] ?? '')));
  if (child >= 0) {
    // "her lad Riley": the child's name, when the client gives it.
    const name = risk.clause.tokens.filter((token) => token.isWord)[child + 1]?.text ?? '';
    if (/^\p{Lu}\p{Ll}+$/u.test(name)) return { ...risk, who: name };
    return { ...risk, who: `${norms[child - 1] === 'my' || norms[child - 1] === 'our' ? 'your' : 'the'} ${norms[child]}` };
  }
  // "I slapped him" and "cutting herself" hurt someone else; "he grabs my wrist" and "I've seen him" are the client's danger.
  const hurt = norms.findIndex((norm, i) => i > 0 && /^(him|her|them|himself|herself|themselves)$/.test(norm) && (VIOLENCE_WORDS.test(norms[i - 1]!) || HARM_WORDS.test(norms[i - 1]!) || /selves$|self$/.test(norm)));
  // ("I'm not staff", "my wrist", "I've seen him": the client is in the clause, and the danger is theirs.)
  if (hurt < 0 && norms.some((norm) => FIRST_PERSON.has(norm))) return risk;
  if (name && hurt < 0) return risk.kind === 'danger' ? { ...risk, who: name } : risk;
  // "A patient came in with a black eye and said she'd walked into a door": the one the clause is about.
  const [article, noun] = norms;
  if (risk.kind === 'danger' && hurt < 0 && /^(a|the|one|my|our)$/.test(article ?? '') && SERVED.test(noun ?? '')) return { ...risk, who: `${/^(my|our)$/.test(article!) ? 'your' : 'the'} ${noun}` };
  const pronoun = hurt >= 0 ? norms[hurt] : norms.find((norm) => norm in OTHER_PRONOUNS);
  return pronoun && risk.kind === 'danger' ? { ...risk, who: OTHER_PRONOUNS[pronoun]! } : risk;
}

/** "exams r fine its more that ive started cutting again": the risk is said back from the client's "I" that leads up to it. */
function fromSpeaker(clause: Clause, at: number): Clause {
  // "A regular, Jan, told me under the dryer that her husband checks her phone": what was told, not the telling.
  const told = clause.tokens.findIndex((token, i) => i < at && token.norm === 'that' && clause.tokens.slice(Math.max(0, i - 6), i).some((t, k, all) => /^(told|tells|said|says|asked)$/.test(t.norm) && /^(me|us)$/.test(all[k + 1]?.norm ?? '')));
  if (told >= 0 && told + 1 < at + 1) return { ...clause, tokens: clause.tokens.slice(told + 1) };
  // "His lad rang me after to say his dad's been on about the shotgun": what was said, not the call.
  const rang = clause.tokens.findIndex((token, i) => i < at && (/^(say|tell)$/.test(token.norm) && clause.tokens[i - 1]?.norm === 'to' || token.norm === 'saying') && clause.tokens.slice(Math.max(0, i - 5), i).some((t) => /^(rang|called|phoned|texted|messaged|rung)$/.test(t.norm)));
  if (rang >= 0) return { ...clause, tokens: clause.tokens.slice(rang + 1) };
  // "I've been drinking and I keep thinking about the bridge" is said back whole: it is short, and both halves are theirs.
  const own = clause.tokens.slice(0, at).some((token) => FIRST_PERSON.has(token.norm));
  if (own && words_(clause).length <= 12) return clause;
  for (let i = at; i > 1; i -= 1) {
    if (!CLIENT_I.test(clause.tokens[i]!.norm)) continue;
    // "and honestly I've thought about …": a filler between the join and the "I" goes with the join.
    const before = /^(honestly|really|tbh|just|sometimes|even|also|now)$/.test(clause.tokens[i - 1]!.norm) ? i - 2 : i - 1;
    if (/^(that|cos|coz|because|and|but|so|now|then)$/.test(clause.tokens[before]?.norm ?? '')) return { ...clause, tokens: clause.tokens.slice(i) };
  }
  return clause;
}

const RISK_ORDER: RiskKind[] = ['suicide', 'self-harm', 'medical', 'danger'];

/** The risk named in the clauses by the rewrite's own phrase lists, most serious first, and the clause that says it. */
// "I kind of want to die of embarrassment" is an idiom, not a wish to be dead.
const IDIOM = /^(embarrassment|shame|laughing|laughter|boredom|cringe|mortification)$/;
function idiomAt(tokens: readonly Token[], found: { index: number; phrase: readonly string[] }): boolean {
  const after = tokens.slice(found.index + found.phrase.length).filter((token) => token.isWord);
  return after[0]?.norm === 'of' && IDIOM.test(after[1]?.norm ?? '');
}

function riskAmong(clauses: Clause[], words: RewriteWords, client: Analysis): Risk | null {
  for (const kind of RISK_ORDER) {
    const clause = clauses.find((c) => {
      const found = findPhrase(c.tokens, words.risk[kind]);
      return found !== null && !idiomAt(c.tokens, found);
    });
    if (!clause) continue;
    const { clause: whole, name, subject } = withItsSubject(clause, clauses);
    const at = findPhrase(whole.tokens, words.risk[kind])?.index ?? 0;
    return atRisk({ kind, clause: trimmed(fromSpeaker(whole, at), words), ...(subject ? { subject } : {}) }, name, client);
  }
  return null;
}

// When the judgment heard a disclosure the rewrite's own phrase lists did not: which question fits it.
const SUICIDE_WORDS = /^(die|died|dying|dead|death|alive|suicide|suicidal|kill|killing|end|ending|live|living|exist|here|point|wake|gone|anymore|burden|better|notice|nobody'd|insurance|goodbye|goodbyes)$/;
// Tablets saved up are a plan to end a life, whatever else the clause says.
// So is a gun or a noose, in whoever's hands.
const LETHAL_MEANS = /^(gun|guns|shotgun|rifle|noose|ligature)$/;
const PLAN_WORDS = /^(saved|saving|stockpiled|stockpiling|hoarding)$/;
// A body in danger now: an overdose already taken, chest pain, not breathing. Saved-up tablets are a plan, not this.
const MEDICAL_WORDS = /^(chest|breathe|breathing|heart|numb|faint|fainted|collapsed|bleeding|blood|overdose|overdosed|swallowed|took|taken|pains?|throat|allergic|anaphylaxis|anaphylactic|epipen)$/;
const HARM_WORDS = /^(cut|cutting|burn|burning|burnt|hurt|hurting|harm|harming|scratch|scratching|bleed|bleeding|lighter)$/;
// Someone else's violence or threat: "grabbed my arm so hard it's gone purple" asks whether they are safe, not about suicide.
const VIOLENCE_WORDS = /^(grabbed|grabs|shoved|shoves|pushed|pushes|slammed|slams|pinned|pins|hit|hits|hitting|punched|slapped|smacked|smacking|choked|strangled|threatened|threatens|beat|beats|beating|bruise|bruises|bruised|rough)$/;

/** The risk the client names in the rewrite's own phrase lists, whether or not the draft answered it. */
export function namedRisk(client: Analysis, words: RewriteWords): Risk | null {
  return riskAmong(clausesOf(client, words), words, client);
}

/**
 * The risk the judgment found in the client statement: the rewrite's own reading where it has one, else the
 * clause where the judgment heard it (`heard`: offsets of what it matched), else the clause that weighs most.
 */
export function disclosedRisk(client: Analysis, words: RewriteWords, heard: readonly Heard[] = []): Risk | null {
  const clauses = clausesOf(client, words);
  const found = riskAmong(clauses, words, client);
  if (found) return found;
  const inClause = (clause: Clause) => heard.find(({ start }) => clause.tokens[0]!.start <= start && start < clause.tokens[clause.tokens.length - 1]!.end);
  const where = clauses.find((clause) => inClause(clause));
  const hit = where && inClause(where);
  const weightiest = where ?? clauses.reduce<Clause | null>((top, clause) => (!top || weight(clause, words) > weight(top, words) ? clause : top), null);
  if (!weightiest) return null;
  const { clause: whole, name, subject } = withItsSubject(weightiest, clauses);
  const best = hit ? fromSpeaker(whole, Math.max(0, whole.tokens.findIndex((token) => token.start >= hit.start))) : whole;
  // What kind of risk it is reads the whole clause: "since Tom died …, giving your things away".
  const norms = words_(whole).map((token) => token.norm);
  const text = spanText(whole);
  const planned = norms.some((norm) => PLAN_WORDS.test(norm) || LETHAL_MEANS.test(norm));
  // "He knows where I live and I'd better watch myself" is a threat, whatever "live" says elsewhere.
  const threat = /\bknows where (i|we|you) (live|work)\b|\bbetter watch (my|your)(self| back)\b/i.test(text);
  const violence = !planned && (threat || norms.some((norm) => VIOLENCE_WORDS.test(norm)));
  const kind: RiskKind = violence
    ? 'danger'
    : !planned && norms.some((norm) => MEDICAL_WORDS.test(norm))
      ? 'medical'
      : planned || (!threat && norms.some((norm) => SUICIDE_WORDS.test(norm))) || /\b(care|mind) if i\b|\bwithout me\b/i.test(text)
        ? 'suicide'
        : norms.some((norm) => HARM_WORDS.test(norm))
          ? 'self-harm'
          : 'danger';
  return atRisk({ kind, clause: trimmed(best, words, hit ? hit.end : -1), ...(subject ? { subject } : {}) }, name, client);
}

const ACKNOWLEDGEMENTS: ((clause: string) => string)[] = [
  (c) => `${capitalise(c)}, and I'm really glad you told me.`,
  (c) => `Thank you for telling me that ${c}.`,
  (c) => `I'm glad you told me that ${c}.`,
];

const SAFETY_QUESTIONS: Record<RiskKind, string[]> = {
  suicide: ['Are you thinking about ending your life?', 'Are you having thoughts of suicide right now?', 'When you say that, are you thinking about killing yourself?'],
  'self-harm': ['Are you safe right now, and do any injuries need looking after?', 'Have you hurt yourself today, and are you safe right now?'],
  medical: ['Have you been able to get medical help for this yet?', 'Can we get you medical help right now?'],
  danger: ['Are you somewhere safe right now?', 'Are you safe where you are right now?'],
};

/** Saying back the risk the client disclosed, first, in their words; `thanked` when the draft already thanks them for telling. */
// "i did it again tonight. used the sharpener blade": the client left their "I" out; said back it is "you used",
// and a participle ("Written letters for the boys") is "you've written".
const PARTICIPLE = /^(written|given|taken|done|been|gone|seen|made|got|bought|sold|stopped|started|saved|stashed|hidden|sorted)$/;
function withSubject(said: string, risk: Risk): string {
  const first = /^\p{L}+/u.exec(said)?.[0] ?? '';
  if (risk.who || !/^\p{Ll}|^[A-Z][a-z]+$/u.test(first)) return said;
  const lower = first.toLowerCase();
  if (PARTICIPLE.test(lower) && !/^(been)$/.test(lower)) return `you've ${lower}${said.slice(first.length)}`;
  if ((someoneElseDid(lower) || /^(used|did|took|tried|went|had)$/.test(lower)) && !/^(put|set|let|cut|hit)$/.test(lower)) return `you ${lower}${said.slice(first.length)}`;
  return said;
}

export function acknowledgeRisk(risk: Risk, words: RewriteWords, thanked = false): Reflection {
  // "Said his son takes his pension card": who said it was in the sentence before; what was said is the disclosure.
  const heard = turned(risk.clause, words).replace(/^(said|says|told me|tells me) (that )?/i, '');
  const said = risk.subject ? `${risk.subject} ${heard}` : withSubject(heard, risk);
  // "Or driving into something" has no subject to say back: it is what they told you about.
  if (/^\p{L}+ing\b/u.test(said) && !/^(nothing|something|anything|everything|thing)\b/.test(said)) {
    return { text: thanked ? `You've told me about ${said}.` : `Thank you for telling me about ${said}.`, reason: `acknowledges what the client disclosed, “${quote(risk.clause)}”` };
  }
  const text = thanked ? `${capitalise(said)}.` : ACKNOWLEDGEMENTS[choose(said, ACKNOWLEDGEMENTS.length)]!(said);
  return { text, reason: `acknowledges what the client disclosed, “${quote(risk.clause)}”` };
}

// When the client has already said it in so many words, asking "are you thinking about killing yourself?" repeats them.
const SAID_OUTRIGHT = /\b(suicide|suicidal|kill(ing)? (my|your)self|end(ing)? (my|your) life)\b/i;
const FOLLOW_UPS = ['Are you thinking of acting on it tonight?', 'Are you safe right now?', 'Have you thought about how you would do it?'];

/** A direct, caring question about the risk. */
const POSSESSIVES: Record<string, string> = { he: 'his', she: 'her', they: 'their' };
// An emergency now, not a worry about someone's health: "he won't wake up", "she's not breathing".
const ACUTE = /^(breathing|breathe|wake|waking|collapsed|overdose|overdosed|swallowed|took|taken|bleeding|unconscious|chest|blue)$/;
const ROAD_QUESTIONS = ['How safe is it, for you and for others on the road, when you drive like that?', "When you're driving like that, how safe do you feel, for you and for everyone else on the road?"];

export function safetyQuestion(risk: Risk, words: RewriteWords): string {
  const said = turned(risk.clause, words);
  const ride = (question: string): string => (risk.road === 'ride' ? question.replace(/\bdrives\b/g, 'rides').replace(/\bdrive\b/g, 'ride').replace(/\bdriving\b/g, 'riding') : question);
  if (risk.road && risk.who) {
    const options = [`How safe do you feel when ${risk.who} drives like that?`, `When ${risk.who} drives like that, how safe is it for you and for others on the road?`];
    return ride(options[choose(said, options.length)]!);
  }
  if (risk.road) return ride(ROAD_QUESTIONS[choose(said, ROAD_QUESTIONS.length)]!);
  // Someone the client looks out for but does not live with ("Mr Hebden", "the lad"): how worried they are is the question.
  const outside = risk.who && !/^(your |he$|she$|they$)/.test(risk.who);
  const possessive = POSSESSIVES[risk.who ?? ''] ?? (/s$/.test(risk.who ?? '') ? `${risk.who}'` : `${risk.who}'s`);
  const worried = `How worried are you about ${possessive} safety right now?`;
  if (risk.who && risk.kind === 'suicide') {
    const their = /^he$|\b(dad|father|brother|son|husband|boyfriend|lad|grandad|uncle)$/.test(risk.who) ? 'his' : /^she$|\b(mum|mother|sister|daughter|wife|girlfriend|lass|nan|gran|aunt)$/.test(risk.who) ? 'her' : 'their';
    const options = [`Do you think ${risk.who} might be thinking of ending ${their} life?`, `How worried are you that ${risk.who} might take ${their} own life?`];
    return options[choose(said, options.length)]!;
  }
  if (risk.who && risk.kind === 'medical') {
    if (!risk.clause.tokens.some((token) => ACUTE.test(token.norm))) return worried;
    const options = [`Is ${risk.who} getting medical help right now?`, `Has anyone called an ambulance for ${OBJECT_FORMS[risk.who] ?? risk.who}?`];
    return options[choose(said, options.length)]!;
  }
  if (risk.who) {
    const plural = risk.who === 'they' || /^(the|your) \w+s$/.test(risk.who) || /^(the|your) children$/.test(risk.who);
    const options = [`${plural ? 'Are' : 'Is'} ${risk.who} safe right now?`, outside ? worried : `${plural ? 'Are' : 'Is'} ${risk.who} safe at the moment?`];
    return options[choose(said, options.length)]!;
  }
  const options = risk.kind === 'suicide' && SAID_OUTRIGHT.test(said) ? FOLLOW_UPS : SAFETY_QUESTIONS[risk.kind];
  return options[choose(said, options.length)]!;
}

const TOPIC_FRAMES: ((topic: string) => string)[] = [
  (t) => `It sounds like things with ${t} are on your mind.`,
  (t) => `So ${t} ${isPlural(t) ? 'are' : 'is'} a big part of what's going on.`,
  (t) => `It sounds like ${t} ${isPlural(t) ? 'are' : 'is'} on your mind.`,
  (t) => `There's a lot going on with ${t}.`,
];

const PRONOUN_LIKE = /^(you|your|yours|yourself|i|me|my|we|it|this|that|thing|things|way|time|lot|bit|one|something|anything|everything|nothing|day|week|today|tonight|point|fact|truth|reality|problem|side|deal|idea|end|moment|minute|second|life|stuff|people)$/;

/** Without a client statement: the draft's own topic, said back as what the client is dealing with. */
export function reflectTopic(reply: Analysis, tokens: readonly Token[], words: RewriteWords, asked: readonly string[] = []): Reflection | null {
  const phrase = firstNounPhrase(tokens, words, (token) => PRONOUN_LIKE.test(token.norm));
  if (!phrase) return null;
  const topic = lowerFirst(spanText({ text: reply.text, tokens: phrase }), words);
  // A question that already names the topic needs no sentence in front saying it again.
  if (asked.some((question) => question.toLowerCase().includes(topic.toLowerCase()))) return null;
  return { text: TOPIC_FRAMES[choose(topic, TOPIC_FRAMES.length)]!(topic), reason: `reflects the reply's own topic, “${topic}”` };
}
