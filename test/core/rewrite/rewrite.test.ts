// The suggested rewrite as a supervisor would read it: the client's own words
// said back, the helper's intent kept, the harm gone, one question at the end.
import { describe, expect, it } from 'vitest';
import { gerund, partOfYou, secondPerson, tidy } from '../../../src/core/rewrite/grammar.js';
import { analyse } from '../../../src/core/tokens/analyse.js';
import { propose, rewriteOf, sentencesOf, words } from './helpers.js';

const span = (text: string) => ({ text, tokens: analyse(text).tokens.filter((token) => token.isWord || token.text === "'") });

describe('turning the client’s words into the second person', () => {
  it.each([
    ['I keep going back to him', 'you keep going back to him'],
    ['my boss never listens', 'your boss never listens'],
    ["I'm fed up", "you're fed up"],
    ['I was so angry', 'you were so angry'],
    ['nobody tells me anything', 'nobody tells you anything'],
    ['I blame myself', 'you blame yourself'],
  ])('%s -> %s', (client, expected) => {
    expect(secondPerson(span(client), words)).toBe(expected);
  });

  it('puts one side of a dilemma in the third person after “part of you”', () => {
    expect(partOfYou(span('I want to sell the house'), words)).toBe('part of you wants to sell the house');
    expect(partOfYou(span("I'm scared of being on my own"), words)).toBe('part of you is scared of being on your own');
    expect(partOfYou(span("I can't face my mum"), words)).toBe("part of you can't face your mum");
    expect(partOfYou(span('I still love him'), words)).toBe('part of you still loves him');
  });

  it.each([
    ['talk', 'talking'],
    ['stop', 'stopping'],
    ['make', 'making'],
    ['see', 'seeing'],
    ['lie', 'lying'],
    ['quit', 'quitting'],
    ['visit', 'visiting'],
    ['call', 'calling'],
  ])('gerund of %s is %s', (verb, expected) => {
    expect(gerund(verb)).toBe(expected);
  });
});

describe('attuned reflection', () => {
  it('opens with the client’s own words and feeling, turned to “you”', () => {
    const text = rewriteOf('You should just sign up for a night class.', "I'm lonely since I moved to the city and I don't know anyone here.");
    const [first] = sentencesOf(text);
    expect(first).toMatch(/you're lonely since you moved to the city/i);
    expect(first).not.toMatch(/\b(my|me|I'm)\b/);
  });

  it('says back what the client sets against the rest, and sets it against it as they did', () => {
    const text = rewriteOf("I'm curious what you get out of being ill.", 'The third specialist this year told me my scans are normal. But I can barely get out of bed.');
    expect(sentencesOf(text)[0]).toMatch(/scans are normal, but you can barely get out of bed/);
  });

  it('says back a situation and what it costs when the client gives them as two sentences', () => {
    const text = rewriteOf('You need to drop the early sessions.', "I've been doing six-am sessions and nine-pm sessions, six days a week. My girlfriend barely sees me.");
    expect(sentencesOf(text)[0]).toMatch(/you've been doing six-am sessions and nine-pm sessions, and your girlfriend barely sees you/);
  });

  it('says back a bind given a sentence for each way', () => {
    expect(sentencesOf(rewriteOf('You should take the course.', "Mum wants me to run the farm shop. If I leave, she sells up. If I stay, I never get out."))[0]).toMatch(/if you leave, she sells up, and if you stay, you never get out/);
  });

  it('says back two things the client holds dear, side by side, as both sides of their dilemma', () => {
    expect(sentencesOf(rewriteOf('You have to put your family first.', "My son's marrying a man and the vicar won't do it. I love my son. I love my church. I'm being asked to choose.'"))[0]).toMatch(/^You love your son, and you love your church, and you're being asked to choose/);
  });

  it('asks about the two of them after what someone close did to the client, and not after what happened to that person', () => {
    expect(sentencesOf(rewriteOf('You should stand up to her.', 'My mum keeps saying I look healthy now.')).at(-1)).toMatch(/between you and your mum/);
    expect(rewriteOf('You should look into respite care.', "My wife's MS is getting worse and I can't lift her on my own anymore.")).not.toMatch(/between you/);
    expect(rewriteOf('Plenty more fish in the sea.', 'My boyfriend dumped me over text after two years.')).not.toMatch(/between you/);
  });

  it('does not pair a clause with the client’s question, a plea to the helper, or a clause that leans on one left out', () => {
    for (const client of ["I'm pregnant and I'm still using. Please don't report me.", 'My benefits got cut after the assessment. They said I can walk 200 metres, I can’t.', "They've put in self-checkouts and cut our hours. Who's going to take me on now?"]) {
      expect(sentencesOf(rewriteOf('You need to sort this out.', client))[0]).not.toMatch(/, and (please|you can['’]t\.|who)/i);
    }
  });

  it.each([
    ['Put me on nights again without asking.', /^\W*[^.]*they put you on nights again/i],
    ['My dad, who died in 1998, never got to meet my kids.', /your dad never got to meet your kids/],
    ["The council said I'm not 'vulnerable enough' for housing.", /'vulnerable enough' for housing/],
    ["lol so I've been off work three weeks now", /^(?![^.]*\blol\b)/i],
    ['The manager, Pauline, put me on nights again without asking.', /Pauline put you on nights again/],
    ['Nine hours I have sat on that plastic chair with my mum.', /\bnine hours\b/],
  ])('says back a clause that stands alone: %s', (client, expected) => {
    expect(sentencesOf(rewriteOf('You should complain.', client))[0]).toMatch(expected);
  });

  it('never says back a fragment: a relative clause, a clause cut before its end, an open quotation', () => {
    for (const client of ['My dad, who died in 1998, never got to meet my kids.', 'The results came back and my first thought was: how do I tell him?', "They said I'm not 'vulnerable enough"]) {
      const first = sentencesOf(rewriteOf('Rules are rules.', client))[0]!;
      expect(first, client).not.toMatch(/\bwho died\b|\bthought was\.|(^|\s)'[a-z][^']*$/);
    }
  });

  it('hears a client judging themselves, and says back what they did rather than where they were', () => {
    const first = sentencesOf(rewriteOf("When my mum was dying I couldn't go in either.", "Mum's been in the hospice two weeks and I keep leaving early because I can't stand the smell of that corridor. What kind of daughter does that?"))[0]!;
    expect(first).toMatch(/^You keep leaving early/);
    expect(first).toMatch(/hard on yourself|judging yourself/);
    expect(first).not.toMatch(/what kind of daughter/i);
  });

  it('says a family word used as a name back as the client’s own: “Mum” is “your mum”', () => {
    expect(rewriteOf('You should visit more.', "Mum doesn't know who I am any more.")).toMatch(/your mum doesn't know who you are/i);
    expect(rewriteOf('You should visit more.', 'My mum and dad split up last year and I hate it.')).toMatch(/your mum and dad split/i);
  });

  it('says a risk back from the client’s own “I”, not from the words that led up to it', () => {
    const text = rewriteOf('You need to stop before it gets worse.', 'tbh exams r fine its more that ive started cutting again');
    expect(sentencesOf(text)[0]).toMatch(/^You've started cutting again/);
    expect(rewriteOf('It will fly by.', "I've been hitting myself in the chest and honestly I've thought about just not being around by then, it's four years away.")).toMatch(/not being around by then/);
  });

  it('says back the question the client is asking themselves, as theirs', () => {
    expect(rewriteOf('It might help not to take it so personally.', 'A passenger called me a dirty Polack and the other drivers laughed. I laughed too. Why did I laugh?')).toMatch(/asking yourself why you laughed/);
    expect(rewriteOf('You need to prioritise the obs.', "I sit with her till she settles and then I'm behind on the obs. I honestly don't know if I'm doing the right thing.")).toMatch(/not sure whether you're doing the right thing/);
  });

  it('does not say back the client dismissing their own feeling', () => {
    expect(rewriteOf("It's only one practice night.", "I've rung at St Mary's for thirty years and the new captain wants to move practice night. It's silly to be this upset about bells.")).not.toMatch(/silly/);
  });

  it('hears two sides across two sentences: “I’m so proud of him. I also want to…”', () => {
    const text = rewriteOf('Why don’t you ask him to step back?', "Tom's out the door in ninety seconds when the pager goes. I'm so proud of him. I also want to throw that pager in the harbour.");
    expect(text).toMatch(/part of you is so proud of him, and part of you also wants to throw that pager/i);
  });

  it('hears both sides when a comma comes before the “but”, and a time word before the second side', () => {
    expect(rewriteOf('Wait till you graduate.', 'I want to be honest with them, but I also want to be able to go home at Christmas.')).toMatch(/part of you wants to be honest with them, and part of you also wants to be able to go home/i);
    expect(rewriteOf('You should go in every day.', 'I love him so much, but some days I sit in the car park for an hour and can’t make myself go in.')).toMatch(/part of you loves him so much/i);
  });

  it('says back the moment the client is holding, not how long they have done the job', () => {
    const first = sentencesOf(rewriteOf('Rules are rules, you should speed up.', "I've been a porter eleven years. I got flagged for taking nine minutes to take a body down to the mortuary. I just can't rush the dead."))[0]!;
    expect(first).not.toMatch(/eleven years/);
  });

  it('turns a question the client is turning over into an indirect one', () => {
    expect(rewriteOf('You did your best, don’t worry.', 'lad came off last night and I keep thinking did I set the clutch wrong.')).toMatch(/you keep wondering whether you set the clutch wrong/);
  });

  it('hears a dialect “me” as “my”', () => {
    expect(rewriteOf('You should get a partition fitted.', 'Last month a fare put a knife to me neck for the takings.')).toMatch(/a knife to your neck/);
  });

  it('does not make someone else’s expectation a part of the client', () => {
    expect(rewriteOf('You should be grateful.', "I'm meant to be grateful but I'm just angry.")).not.toMatch(/part of you is meant/i);
  });

  it('keeps “kind of” as it is in one side of a dilemma', () => {
    expect(rewriteOf('Join a society.', 'i kind of want to come home but that feels like failing')).toMatch(/part of you kind of wants to come home/i);
  });

  it('says back both sides when the client gives both', () => {
    const text = rewriteOf('You should just tell him how you feel.', "I want to tell my dad I'm dropping out but I'm terrified he'll be disappointed.");
    expect(text).toMatch(/part of you wants to tell your dad/i);
    expect(text).toMatch(/part of you is terrified/i);
  });

  it('without a client statement stays on the reply’s own topic, not a stock line', () => {
    expect(sentencesOf(rewriteOf('Just ignore the bullies on the bus, they are not worth it.'))[0]).toMatch(/the bullies/);
    const text = rewriteOf('You should book an appointment with your GP.');
    expect(text).toMatch(/your GP/);
    expect(text).not.toMatch(/feeling a lot right now/);
  });

  it('explains each change, quoting the client’s feeling word', () => {
    const proposal = propose('Why did you shout at the referee?', 'I shouted at the referee and I feel so ashamed now.')!;
    expect(proposal.changes.every((change) => change.reason.length > 0)).toBe(true);
    expect(proposal.changes.map((change) => change.reason)).toContain('reflects the client\'s “ashamed”');
  });
});

describe('faithful to what the helper meant', () => {
  it('turns advice into asking permission to share an idea on the same topic, for a client who asks for ideas', () => {
    const text = rewriteOf('You should ask your landlord about the damp.', 'There is mould all over my bedroom wall and my chest is getting worse. What should I do?');
    const question = sentencesOf(text).at(-1)!;
    expect(question).toMatch(/^(Would|Can)/);
    expect(question).toMatch(/asking your landlord about the damp\?$/);
  });

  it('keeps the whole advised action, up to the next clause', () => {
    const question = sentencesOf(rewriteOf("You should switch off your phone an hour before bed and you'll sleep better.", 'I lie awake scrolling until two most nights. Any ideas?')).at(-1)!;
    expect(question).toMatch(/switching off your phone an hour before bed\?$/);
    expect(question).not.toMatch(/sleep better/);
  });

  it('leaves out advice the client did not ask for, and asks about what they said instead', () => {
    const text = rewriteOf('You should set up a joint budget spreadsheet and have a weekly money meeting.', 'We argue every night about money.');
    expect(text).not.toMatch(/spreadsheet|idea|tried|thought about trying/);
    expect(text).toMatch(/argue every night about money/);
    expect(text.endsWith('?')).toBe(true);
  });

  it('leaves out a why-question about something the client never said they did', () => {
    const text = rewriteOf('Why did you send it in the first place?', 'Someone shared a photo of me and now the whole year group has seen it.');
    expect(text).not.toMatch(/send|first place/);
  });

  it('asks what the client thinks about a decision they are weighing, instead of making it for them', () => {
    const question = sentencesOf(rewriteOf('You should just quit that job.', "My manager criticises everything I do. I keep thinking I should quit but I can't afford to.")).at(-1)!;
    expect(question).toMatch(/quitting that job/);
    expect(question).not.toMatch(/shared one idea/);
  });

  it('leaves out a decision the client never raised, rather than asking them about it', () => {
    expect(rewriteOf('You should just quit that job.', 'My manager criticises everything I do and I dread Mondays.')).not.toMatch(/quit/);
  });

  it('turns a why-question into a what-question about the same event', () => {
    const question = sentencesOf(rewriteOf('Why did you skip the rehearsal?', 'I skipped the rehearsal and now the director is furious with me.')).at(-1)!;
    expect(question).toMatch(/^What/);
    expect(question).toMatch(/skipping the rehearsal\?$/);
    expect(question).not.toMatch(/why/i);
  });

  it('asks about the event a why-question was about, not the verdict riding on it', () => {
    expect(rewriteOf('Why would you take out a payday loan for a school trip, of all things?', 'I took out a payday loan for the school trip.')).not.toMatch(/of all things|school trip\?/);
    expect(rewriteOf('Why would you stop your medication without talking to anyone first?', 'I stopped my epilepsy meds.')).not.toMatch(/without talking/);
    expect(rewriteOf('Why would you risk your health with something off the internet?', 'I have been buying hormones online.')).not.toMatch(/risk/);
  });

  it('does not ask why again when the client has already said why', () => {
    const question = sentencesOf(rewriteOf('Why did you go back so soon?', "I went back to work three days after because I didn't want to be at home staring at the cot.")).at(-1)!;
    expect(question).not.toMatch(/led up to|why/i);
    expect(question).toMatch(/^(What has that been like for you\?|How has all of this been for you\?)$/);
  });

  it('drops a why-not question rather than asking what got in the way', () => {
    expect(rewriteOf('Why didn’t you just ask them to book one?', 'At my mum’s funeral nobody booked an interpreter and I stood at the back reading nothing.')).not.toMatch(/why|got in the way/i);
  });

  it('does not keep a draft question that stacks a closed one onto an open one', () => {
    expect(rewriteOf('Right, let’s look at the numbers. What are your weekly outgoings, and have you spoken to a business adviser?', "Rent's gone up again and some days I'm not taking that. Feels like I'd be burying him twice.")).not.toMatch(/outgoings|adviser/);
  });

  it('makes stacked closed questions one open question', () => {
    const text = rewriteOf('Did you go to the party? Did you drink? Did anyone see you?', 'Everyone at school is talking about me after the party.');
    expect(text.match(/\?/g)).toHaveLength(1);
    expect(text.endsWith('?')).toBe(true);
    expect(sentencesOf(text).at(-1)).toMatch(/^(What|How)/);
  });

  it('asks about safety first when the client discloses a risk the draft ignored', () => {
    const text = rewriteOf(
      "Have you tried going for a walk in the evenings? I'm sure things will look up.",
      'Some nights I think everyone would be better off without me.',
    );
    const sentences = sentencesOf(text);
    expect(sentences[0]).toMatch(/better off without you/);
    expect(sentences.at(-1)).toMatch(/(ending your life|suicide|killing yourself)\?$/);
    expect(text).not.toMatch(/walk|look up/);
  });

  it('asks directly about safety when the client describes danger at home', () => {
    const text = rewriteOf('Let’s go through the housing form first.', 'My partner hit me again last night and I am scared to go home.');
    expect(sentencesOf(text).at(-1)).toMatch(/safe/);
    expect(text).not.toMatch(/form/);
  });

  it('asks whether the client is safe, not about suicide, when someone hurt or threatened them', () => {
    const question = sentencesOf(rewriteOf('Let’s focus on your maths mock.', "My stepdad grabbed my arm so hard last night it's gone purple.")).at(-1)!;
    expect(question).toMatch(/safe/);
    expect(question).not.toMatch(/suicide|ending your life|killing yourself/);
  });

  it('gives a disclosure back its subject when the client left it out', () => {
    expect(sentencesOf(rewriteOf('You know you shouldn’t do that.', 'i did it again tonight. used the sharpener blade.'))[0]).toMatch(/^You used the sharpener blade/);
    expect(rewriteOf('Rules are rules.', "Council said I'm not priority.")).toMatch(/the council said you're not priority/);
  });

  it('asks about the child when a child is the one hurt or in danger, not about the parent', () => {
    expect(sentencesOf(rewriteOf('Teenagers go through phases. Have you checked his phone?', "My son's been cutting himself and I only found out last night.")).at(-1)).toBe('Is your son safe right now?');
    expect(sentencesOf(rewriteOf("You're only human, everyone loses it.", 'I lost it and slapped him across the face. He is four.')).at(-1)).toMatch(/^Is he safe/);
  });

  it('hears "even though" as a concession, not as the two sides of a dilemma', () => {
    expect(rewriteOf('Have some self respect.', 'I still love him even though he cheated twice.')).not.toMatch(/\beven\b|at the same time/);
  });

  it('keeps a disclosure whole when the clause is long: "go to sleep and not wake up" is not cut at its "and"', () => {
    expect(rewriteOf("Grief is a journey. Let's talk about some happy memories.", "Since Dan killed himself I keep thinking I'd like to just go to sleep and not wake up.")).toMatch(/go to sleep and not wake up/);
  });

  it('hears "I choked in the final" as a sporting failure, not as danger', () => {
    expect(rewriteOf("What I'm hearing is that you let the whole squad down, and it's good you're owning that.", 'I choked in the final. I keep replaying the missed penalty.')).not.toMatch(/safe/);
  });

  it('asks about medical help for the one whose body is in danger, and hears self-harm in everyday words', () => {
    expect(sentencesOf(rewriteOf("Okay, try not to panic. What's his history with drugs?", "My mate took something at the party and now he won't wake up properly, he's breathing weird.")).at(-1)).toMatch(/ambulance for your mate|your mate getting medical help/);
    expect(sentencesOf(rewriteOf('Why would you do that to yourself?', "I've been scratching my arms till they bleed when it gets bad.")).at(-1)).toMatch(/safe|hurt yourself/);
  });

  it.each([
    ["Honestly the life insurance would clear the lot. I'm worth more dead, that's just the maths.", /(ending your life|suicide|killing yourself)( right now)?\?$/],
    ['Every night I pray I don\'t wake up, and then I wake up.', /(ending your life|suicide|killing yourself)( right now)?\?$/],
    ["I've been going up to level nine at dinner and looking over the edge.", /(ending your life|suicide|killing yourself)( right now)?\?$/],
    ["He's been smacking her lad Riley, he's four.", /^Is Riley safe/],
    ['Last week he pinned me against the fridge.', /safe/],
  ])('hears risk said sideways: %s', (client, question) => {
    expect(sentencesOf(rewriteOf('Have you thought about a hobby?', client)).at(-1)).toMatch(question);
  });

  it('says back what the client came to say, not the setting they open with', () => {
    const text = rewriteOf('You should report him to the club.', 'I coach the under-nines at the rugby club. One of the dads screamed at me in front of the kids and I just stood there.');
    expect(text).not.toMatch(/coach the under-nines/);
    expect(text).toMatch(/screamed at you|stood there/);
  });

  it('says back a lead-in the client put first in plain order: "only thing is", "eighteen year I\'ve been"', () => {
    expect(rewriteOf('Night shifts wreck marriages.', "I like the job. Only thing is I've not seen my brother since June and he's not answering.")).not.toMatch(/only thing is/i);
    expect(rewriteOf('Have you tried a formal email?', 'Twenty year I have been cooking at the Crown. The new manager shouts at me in front of customers.')).not.toMatch(/twenty year you/i);
  });

  it('hears a funeral director as the client\'s work, not a bereavement', () => {
    const text = rewriteOf('Well, you did go along with it, so I suppose they had a point.', 'A funeral director asked us to run late so his lot could leave early, and I went along with it. Now the family blame me.');
    expect(text).not.toMatch(/sorry/i);
  });

  it('says back two "part of me" sentences as both sides', () => {
    expect(rewriteOf('You should listen to your GP.', "GP says I should stop work. Part of me's relieved, honestly. Part of me is terrified of the empty days.")).toMatch(/part of you is relieved, and part of you is terrified/i);
  });

  it('keeps every adverb before the verb that agrees: "part of you also never wants"', () => {
    expect(rewriteOf('Just get back on the wall.', 'I want to climb again. I also never want to see that wall again.')).toMatch(/part of you also never wants/);
  });

  it('asks whether someone else is thinking of ending their life when they sent a goodbye', () => {
    expect(sentencesOf(rewriteOf('He probably just needs space.', "My brother's been quiet for weeks and last night his wife rang me saying he'd texted her goodbye.")).at(-1)).toMatch(/he might be thinking of ending his life|he might take his own life/);
  });

  it('hears "want to die of embarrassment" as an idiom, and a threat at home as danger, not suicide', () => {
    expect(rewriteOf('Kids can be cruel.', 'They left my son off the party list again. I could die of embarrassment, honestly.')).not.toMatch(/suicide|ending your life|killing yourself/);
    const threat = sentencesOf(rewriteOf("Don't let it get to you.", "The landlord rang at midnight, said he knows where I live and I'd better watch myself.")).at(-1)!;
    expect(threat).toMatch(/safe/);
    expect(threat).not.toMatch(/suicide|ending your life|killing yourself/);
  });

  it('says back a bind the client weighs by what each way would cost', () => {
    expect(rewriteOf('You should just take the job.', "They've offered me the Leeds post. If I take it I barely see the kids, and if I don't we can't make the rent.")).toMatch(/if you take it you barely see the kids, and if you don't you can't make the rent/);
  });

  it('asks about the friend who self-harms, not about the client who was shown', () => {
    expect(sentencesOf(rewriteOf('You need to tell a teacher today.', 'my mate Josh has been cutting and he showed me at lunch')).at(-1)).toMatch(/Josh('s)? safe/);
  });

  it('asks about riding, not driving, when it is a bike after drink', () => {
    expect(sentencesOf(rewriteOf('Cycling is good exercise though.', "After the club run we go to the pub and I'll have five, six pints, then ride home.")).at(-1)).toMatch(/when you ride/);
  });

  it('asks about the road when drink, drugs or sleep come with driving', () => {
    expect(sentencesOf(rewriteOf('Everyone needs to unwind after work.', 'I have three or four pints at the social club, then drive back over the tops.')).at(-1)).toMatch(/safe.*road|road.*safe/);
  });

  it('asks about the person the client serves when the danger is theirs', () => {
    expect(sentencesOf(rewriteOf('Not your job, honestly.', 'A resident came down this morning with a black eye and said she had walked into a door again.')).at(-1)).toMatch(/the resident/);
  });

  it('asks about the one at the wheel when it is someone else who drinks and drives', () => {
    const question = sentencesOf(rewriteOf('Just tell him you’ll get a taxi.', "My husband drove us back from the party and he'd had five pints.")).at(-1);
    expect(question).toMatch(/safe/);
    expect(question).toMatch(/when your husband drives/);
  });

  it('tells whose danger it is: the client’s when they are in the clause, someone they name when they are not', () => {
    const grabbed = sentencesOf(rewriteOf('He probably does not mean anything by it.', 'There is a regular, Mr Lister, who touches my waist every time I pour his pint.'));
    expect(grabbed[0]).toMatch(/Mr Lister touches your waist/);
    expect(grabbed.at(-1)).toMatch(/^Are you (safe|somewhere safe)/);
    expect(sentencesOf(rewriteOf('It’s not really your job to check on customers.', 'Mrs Dacre hasn’t been in for her paper for two weeks running. She is ninety.')).at(-1)).toMatch(/Mrs Dacre/);
  });

  it('keeps who said it when the danger is someone else’s threat: “dad said if …”', () => {
    expect(rewriteOf('Maybe just leave training a bit earlier?', 'dad said if im back after ten again he will do what he did last time and the last bus is at half nine')).toMatch(/your dad said if you're back after ten/i);
  });

  it('hears a passive wish to be dead as a question about suicide', () => {
    expect(sentencesOf(rewriteOf('Have you thought about getting another dog?', "Rex was all I had. I've been thinking I might as well go too.")).at(-1)).toMatch(/(ending your life|suicide|killing yourself)\?$/);
  });
});

describe('harm removed, not rephrased', () => {
  it.each([
    // "You must be tired." is an empathic guess, not a directive, so it needs no rewrite; a put-down does.
    ["You're overreacting, every baby does that.", 'The baby has been up every night this week.', /overreacting|every baby/],
    ['You need to focus on the positives.', 'My business went under last month.', /positives/],
    ['At least nobody was hurt.', 'Someone broke into my flat while I was at work.', /at least/i],
    ["You'd better stop crying and pull yourself together.", 'My dog died this morning.', /crying|together/],
    ["You're just being dramatic. It's not that bad.", 'I failed my exam and I feel like a failure.', /dramatic|not that bad/],
  ])('“%s” loses its harm', (reply, client, harm) => {
    expect(rewriteOf(reply, client)).not.toMatch(harm);
  });

  it.each([
    ['Fourteen is a great age for a dog. At least he had a long life.', 'My dog died yesterday. He was 14.', /great age/],
    ['Chemo has come a long way. Ask your oncologist about cold caps.', "I'm terrified about my chemo starting next week.", /long way/],
    ["You're young, you'll meet someone else in no time.", 'My girlfriend left me last week.', /meet someone else/],
  ])('keeps nothing of “%s” that no strength credits or that carries its own fault', (reply, client, kept) => {
    expect(rewriteOf(reply, client)).not.toMatch(kept);
  });

  it('never turns a prescription into a question', () => {
    const text = rewriteOf('You have to stay positive.', 'The scan results were not what we hoped for.');
    expect(text).not.toMatch(/positive/);
    expect(text).not.toMatch(/willing/);
  });

  it('leaves out the helper’s own story', () => {
    const text = rewriteOf('I know how you feel. My dad and I did not speak for a year after my wedding.', 'I had a huge row with my dad and now he will not answer my calls.');
    expect(text).not.toMatch(/wedding/);
    expect(sentencesOf(text)[0]).toMatch(/your dad/);
  });

  it('drops a minimiser from a sentence it keeps', () => {
    const proposal = propose("It's understandable you're upset. Just take a deep breath.", 'I got shouted at by a customer today.')!;
    expect(proposal.text).not.toMatch(/\bjust\b/i);
  });
});

// Our own small corpus of client statements and poor replies.
const CORPUS: [string, string][] = [
  ['You should talk to your sister about it.', 'My sister forgot my birthday again and I feel invisible.'],
  ['Just ignore them.', 'The girls in my class laugh at my clothes every day.'],
  ['Why did you lend him the money?', 'I lent my brother two thousand pounds and he has stopped answering my calls.'],
  ['You need to get more sleep.', "I'm so stressed about the wedding that I wake up at four every morning."],
  ['At least you still have your health.', 'I lost my job and the house is going to be repossessed.'],
  ['Stop overthinking it.', "I can't stop replaying what I said at the meeting."],
  ['You should just leave him.', 'I love him but he reads all my messages and checks my phone.'],
  ['Have you tried a budgeting app?', "I'm drowning in debt and I hide the letters from my wife."],
  ['Did you cry? Did you tell anyone? Are you okay now?', 'My grandad died on Tuesday and I was the one who found him.'],
  ['You must be really busy.', "I've been working double shifts to cover my mum's rent."],
  ['Why are you so worried about what they think?', "I'm worried my new colleagues think I'm useless."],
  ["Don't be silly, everyone gets nervous.", "I'm nervous about my first day at college."],
];

describe('a reply a supervisor would accept', () => {
  it('ends on one open question when the draft asked none', () => {
    const text = rewriteOf('Everything happens for a reason.', 'I was passed over for promotion again.');
    expect(text).toMatch(/promotion/);
    expect(text).toMatch(/\?$/);
    expect(text.match(/\?/g)).toHaveLength(1);
  });

  it('asks for the client’s own ideas, not permission to share “one idea about doing that”', () => {
    expect(rewriteOf('Did you do your breathing? You should always do that.', 'I had a panic attack on the bus.')).not.toMatch(/idea about doing/);
  });

  it('gives a subject back to a client who left it out', () => {
    expect(rewriteOf('Plenty more fish in the sea!', 'Broke up with my partner of seven years.')).toMatch(/you broke up with your partner/i);
  });

  it('asks about safety whenever the judgment hears a disclosure, even one its own phrase lists miss', () => {
    expect(rewriteOf('Have you been down the Legion lately?', "I don't see the point in going on anymore.")).toMatch(/safe|ending your life|suicide|killing yourself/);
  });

  it('acknowledges the disclosure where the judgment heard it, not the clause before it', () => {
    const text = rewriteOf('It makes sense that you want a good night’s sleep.', "I've been mixing benzos and alcohol to get to sleep. Sometimes I don't care if I wake up.");
    expect(sentencesOf(text)[0]).toMatch(/you don't care if you wake up/);
    expect(text).toMatch(/ending your life|suicide|killing yourself/);
  });

  it('asks about safety after a disclosure even when the draft mentions the client being safe', () => {
    const text = rewriteOf("It sounds like he really cares about knowing you're safe.", 'Last Eid he pushed me against the wall when I came home late from my sister’s.');
    expect(sentencesOf(text).at(-1)).toMatch(/safe/);
    expect(text).not.toMatch(/cares about/);
  });

  it('asks nothing about safety where the judgment heard no risk', () => {
    expect(rewriteOf("You'll regret it later, trust me.", "I don't want to go to uni, everyone's pushing me.")).not.toMatch(/safe/);
  });

  it('meets a death with condolence and asks how they are holding up, not about the draft’s questions', () => {
    const text = rewriteOf('How long were you married? Did she have other family?', 'My wife died in March and the house is so quiet.');
    expect(sentencesOf(text)[0]).toMatch(/^I'm so sorry/);
    expect(text).not.toMatch(/married|family/);
    expect(text.match(/\?/g)).toHaveLength(1);
  });

  it('keeps only a plain acknowledgement from a draft that did harm', () => {
    const text = rewriteOf("That must be really hard. It makes sense that you'd feel that way, he's probably just tired after work.", 'My dad shouts at me every night when he gets in.');
    expect(text).toMatch(/That must be really hard/);
    expect(text).not.toMatch(/makes sense|tired after work/);
  });

  it('does not open with a listening word a kept sentence already uses', () => {
    const text = rewriteOf("I can hear how painful this is. It's sometimes easier to blame the medication than look at our habits.", "I've put on weight from the steroids and I hate my body.");
    expect(text).toMatch(/I can hear how painful this is/);
    expect(text.match(/\bhear/gi)).toHaveLength(1);
  });

  it('keeps a question about how they would do it as the safety question, not advice to mend', () => {
    const text = rewriteOf('Right. Have you thought about how you would do it? Have you tried a hot bath?', "I've been thinking about killing myself.");
    expect(text).toMatch(/how you would do it\?$/);
  });

  it('says a forum’s “does anyone else …” back as the client’s own experience', () => {
    expect(rewriteOf('lol same', 'does anyone else get so lonely on sundays it actually hurts')).toMatch(/you get so lonely on sundays/i);
  });

  it('offers an idea to a client who names no feeling, and asks a client in distress for their own', () => {
    expect(rewriteOf('You should book an ultrasound.', "I'm so worried this lump is cancer.")).not.toMatch(/idea about booking/);
  });

  it('does not ask back what the client has already said outright', () => {
    const text = rewriteOf("Oh no, don't say that. Things will look better in the morning.", "I've been thinking about killing myself.");
    expect(text.match(/killing yourself/g) ?? []).toHaveLength(1);
    expect(text).toMatch(/\?$/);
  });
});

describe('well-formed and varied across a corpus', () => {
  const rewrites = CORPUS.map(([reply, client]) => ({ reply, client, text: rewriteOf(reply, client) }));

  it('writes plain sentences: capitals, end marks, no stray spaces or punctuation', () => {
    for (const { text } of rewrites) {
      expect(text).toMatch(/^[A-Z]/);
      expect(text).toMatch(/[.?]$/);
      expect(text).not.toMatch(/\s[,.?!]|\s{2}|,,|\.\.|\bi\b/);
      for (const sentence of sentencesOf(text)) expect(sentence).toMatch(/^[A-Z]/);
    }
  });

  it('asks at most one question, and last', () => {
    for (const { text } of rewrites) {
      const questions = sentencesOf(text).filter((s) => s.endsWith('?'));
      expect(questions.length).toBeLessThanOrEqual(1);
      if (questions.length) expect(text.endsWith('?')).toBe(true);
    }
  });

  it('stays within one and a half times the draft, or two sentences for a very short draft', () => {
    for (const { reply, text } of rewrites) {
      const draftWords = reply.split(/\s+/).length;
      const ok = sentencesOf(text).length <= 2 || text.split(/\s+/).length <= Math.ceil(1.5 * draftWords);
      expect(ok, text).toBe(true);
    }
  });

  it('reuses the client’s own words in every rewrite', () => {
    for (const { client, text } of rewrites) {
      const clientWords = new Set(analyse(client).words.filter((w) => w.norm.length > 3).map((w) => w.stem));
      expect(analyse(text).words.some((w) => clientWords.has(w.stem)), text).toBe(true);
    }
  });

  it('never opens two rewrites with the same sentence, and varies the frame', () => {
    const openings = rewrites.map(({ text }) => sentencesOf(text)[0]!);
    expect(new Set(openings).size).toBe(openings.length);
    const frames = new Set(openings.map((opening) => opening.split(/\s+/).slice(0, 2).join(' ')));
    expect(frames.size).toBeGreaterThanOrEqual(5);
  });

  it('gives changes that, applied to the draft, make the rewrite', () => {
    for (const { reply, client, text } of rewrites) {
      let applied = reply;
      // Later edits first, and at one offset the longer before the insertion, so offsets stay true.
      for (const change of [...propose(reply, client)!.changes].sort((a, b) => b.start - a.start || b.end - a.end)) {
        const insertion = change.start === change.end ? (change.start === 0 ? `${change.replacement} ` : ` ${change.replacement}`) : change.replacement;
        applied = applied.slice(0, change.start) + insertion + applied.slice(change.end);
      }
      expect(tidy(applied)).toBe(text);
    }
  });

  it('is the same rewrite every time', () => {
    for (const { reply, client, text } of rewrites) expect(rewriteOf(reply, client)).toBe(text);
  });
});
