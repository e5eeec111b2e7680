// Ana's codings of Marcus's, Priya's and Ruth's transcripts, Time 1 and Time 2.
// (see sampleCodings.ts for what the sample's codings are and how they are written).
import { coded, type SampleCoding } from './sampleCodingRows';

export const ANA_MARCUS_PRIYA_RUTH: SampleCoding[] = [
  ...coded('ana', 'Marcus_T1.txt', [
    [
      'Experience of the programme',
      `My solicitor. I'm trying to get proper contact with my boys and the family court wanted a report. Apparently this is how you get one.`,
    ],
    [
      'Awareness of self and others / Minimising and deflecting',
      `She's painted me as this monster. We split up nearly a year ago. There were arguments, yeah, loads, both ways.`,
    ],
    ['Awareness of self and others / Justifying or excusing', `She knew how to press every button I've got.`],
    [
      'Awareness of self and others / Justifying or excusing',
      `I had a temper. Have. I'd shout, I'd break stuff, I'd go through her phone sometimes because she was always on it and she'd never tell me who she was talking to. Any bloke would.`,
    ],
    ['Expanded space for action / Prevents contact with friends or family', `I'd go through her phone sometimes`],
    [
      'Awareness of self and others / Minimising and deflecting',
      `But I never laid a finger on her, apart from moving her out of the doorway when she was blocking me.`,
    ],
    [
      'Safety and freedom from violence / Physical violence',
      `But I never laid a finger on her, apart from moving her out of the doorway when she was blocking me.`,
    ],
    [
      'Safety and freedom from violence / Harassment and other abuse',
      `I message her about the boys. She says it's harassment. It's not harassment, it's me being a dad. If she answered the first time I wouldn't need to send ten.`,
    ],
    [
      'Awareness of self and others / Justifying or excusing',
      `It's not harassment, it's me being a dad. If she answered the first time I wouldn't need to send ten.`,
    ],
    [
      'Gender / Protector, provider, head of family',
      `I was the one earning, I was the one who sorted everything. She'd never have got that flat without me.`,
    ],
    [
      'Gender / Equality a thing of the past',
      `Honestly, it's gone the other way now. Women get everything. The courts, the police, all of it. Equality happened years ago, and now it's blokes who get stitched up.`,
    ],
    ['Safer, healthier childhoods / Children frightened of him', `The older one, Jay, goes quiet at contact.`],
    [
      'Awareness of self and others / Understands impact on children',
      `They were in bed mostly. Kids are resilient. They're not bothered about what happened between me and her. They want their dad.`,
    ],
    [
      'Experience of the programme / Held to account by peers',
      `There was a thing with a wheel, all the different kinds of abuse round the outside. Checking phones was on it. I said that's just normal in a relationship, and a couple of the lads laughed, not nasty, more like they used to think that too. Didn't change my mind, but I noticed it.`,
    ],
    ['Awareness of self and others / Minimising and deflecting', `I said that's just normal in a relationship`],
    ['Process of change / Series of sparks', `Didn't change my mind, but I noticed it.`],
  ]),

  ...coded('ana', 'Marcus_T2.txt', [
    [
      'Process of change / Steps backwards',
      `The contact got moved. Priya changed a Sunday for a school thing and told me with a day's notice, and I just went. I sent her a load of messages that night. Maybe twenty. Some of them weren't nice. I know that.`,
    ],
    [
      'Safety and freedom from violence / Harassment and other abuse',
      `I sent her a load of messages that night. Maybe twenty. Some of them weren't nice.`,
    ],
    [
      'Experience of the programme / Held to account by peers',
      `They didn't let me off. I started with my version, that she'd done it on purpose, and one of the older lads, he's been through the same courts, he said, "You're telling us what she did. Tell us what you did."`,
    ],
    [
      'Experience of the programme / Daring to be vulnerable',
      `I sat there for ages. Eventually I read out some of what I'd sent. Out loud. That was the worst ten minutes I've had on the course, and probably the most useful.`,
    ],
    [
      'Awareness of self and others / Takes responsibility',
      `Some of them were. Twenty messages in a night is… yeah. It's me trying to get my own way by wearing her down. I still think she could've told me sooner. But that doesn't make the twenty OK.`,
    ],
    ['Awareness of self and others / Justifying or excusing', `I still think she could've told me sooner.`],
    ['Process of change / Series of sparks', `I'm getting there with that. Slowly.`],
    [
      'Process of change / Techniques learnt / Counting to ten',
      `I'd got the counting thing down. Sounds daft, counting to ten, but I'd do it with my hand in my pocket at contact when Jay was being off with me, and by the time I got to ten I'd stopped wanting to say something sarcastic.`,
    ],
    [
      'Safety and freedom from violence / Harassment and other abuse',
      `And I'd stopped going through her Facebook, which I used to do every night. Deleted the app.`,
      'Monitoring her after separation, so Harassment and other abuse: "Prevents contact" excludes harassing or stalking after separation.',
    ],
    [
      'Safe, positive and shared parenting',
      `I used to make every visit about me – how much I missed them, how unfair it all was. The facilitator in my one-to-one said, "Who's that for?" and I didn't have an answer. Now I try to ask them about their week and just listen.`,
    ],
    [
      'Experience of the programme / One-to-one work',
      `The facilitator in my one-to-one said, "Who's that for?" and I didn't have an answer.`,
    ],
    [
      'Gender / Entitlement',
      `But I can see I thought being the earner meant I got to decide everything, including who she talked to. That's not equality, is it. That's me being in charge and calling it looking after her.`,
    ],
    ['Awareness of self and others / Takes responsibility', `That's me being in charge and calling it looking after her.`],
    ['Process of change / Light-bulb moment', `Not really. People want you to say there was a day you woke up different.`],
    [
      'Process of change / Series of sparks',
      `Not really. People want you to say there was a day you woke up different. It's more like learning to drive. You stall loads. I stalled last month. I'm still in the car, though.`,
    ],
    [
      'Experience of the programme / Group work',
      `The group's kept me in check. Every Wednesday I know I've got to sit in that room and account for my week. Without that, I don't know. They've said I can do a follow-up group, so I probably will.`,
    ],
    [
      'Awareness of self and others / Takes responsibility',
      `That I'm sorry about the messages. Properly sorry, not sorry-but. I don't know if she'd believe it, and I wouldn't blame her.`,
    ],
  ]),

  ...coded('ana', 'Priya_T1.txt', [
    [
      'Safety and freedom from violence / Harassment and other abuse',
      `I thought the separation would be the end of it, but in some ways it's just moved. Now it comes through my phone instead of through the door.`,
    ],
    [
      'Safety and freedom from violence / Harassment and other abuse',
      `Messages. About the boys, supposedly. "What time is Jay's match", fine. Then "why aren't you answering", "who are you with", "you're turning them against me". If I don't reply within ten minutes there'll be fifteen more.`,
    ],
    [
      'Safety and freedom from violence / Feeling safe',
      `I've started putting my phone in a drawer in the evening. Then I lie awake wondering what's in it.`,
    ],
    [
      'Expanded space for action',
      `He checked everything. My phone, my bank, who I'd talked to at the school gate. I didn't go to my cousin's wedding because it wasn't worth the week of questions afterwards. I stopped wearing a yellow dress I loved because he said it made me look like I wanted attention. Little things. Except they add up until there's not much of you left.`,
    ],
    [
      'Expanded space for action / Prevents contact with friends or family',
      `I didn't go to my cousin's wedding because it wasn't worth the week of questions afterwards.`,
    ],
    [
      'Expanded space for action / Tells her how to dress',
      `I stopped wearing a yellow dress I loved because he said it made me look like I wanted attention.`,
    ],
    [
      'Safety and freedom from violence / Feeling safe',
      `Not really. He broke things — the TV remote, a chair once. He'd stand in the doorway so I couldn't leave the room. It sounds like nothing when you say it, but I used to plan which room to be in.`,
    ],
    ['Safety and freedom from violence / Harassment and other abuse', `He broke things — the TV remote, a chair once.`],
    [
      'Safety and freedom from violence / Physical violence',
      `He'd stand in the doorway so I couldn't leave the room.`,
      'Blocking her in coded as physical (restraining). Compare Marcus T1: "moving her out of the doorway when she was blocking me".',
    ],
    [
      'Safer, healthier childhoods / Children frightened of him',
      `Jay is nine, he notices everything. He asks me if Daddy is cross before contact.`,
    ],
    [
      'Experience of the programme / Held to account by peers',
      `But another part of me thinks, if anything could reach him, maybe a room full of men who've done the same might.`,
    ],
    [
      "Women's support service",
      `Yes. Their worker rang me and she was very kind. She explained I didn't have to share anything with Marcus and that what I told her wouldn't go back to him unless there was a risk to the children. That made a big difference, because I've had professionals before who just wanted us to "communicate better".`,
    ],
    ['Coordinated community response', `I've had professionals before who just wanted us to "communicate better".`],
    [
      'Gender / Being a woman',
      `Nobody has asked me that before. My grandmother used to say धीरे धीरे, slowly slowly, about everything. Be patient, be quiet, things will come. I think I learned to be patient with things I shouldn't have been patient with.`,
    ],
    ['Gender / Entitlement', `With Marcus, he decided and I adjusted.`],
    [
      'Expanded space for action',
      `For the messages to stop. For my phone to just be a phone. For Jay not to ask me if his dad is cross. And I'd like to go back to work. I was a pharmacy assistant before Sami. I'd like that back.`,
    ],
  ]),

  ...coded('ana', 'Priya_T2.txt', [
    [
      'Safety and freedom from violence / Harassment and other abuse',
      `Quieter, mostly. For a long stretch the messages were just about the boys. Pick-up times, Jay's kit. Short. I almost didn't trust it.`,
    ],
    [
      'Process of change / Steps backwards',
      `About a month ago I had to move a contact Sunday for Sami's school assembly. I told him the day before, because I only found out that week. That night he sent maybe twenty messages. Some were angry, some were pleading, one called me a liar. It was like being thrown back a year. I didn't sleep.`,
    ],
    [
      'Safety and freedom from violence / Harassment and other abuse',
      `That night he sent maybe twenty messages. Some were angry, some were pleading, one called me a liar.`,
    ],
    [
      'Awareness of self and others / Takes responsibility',
      `The next week the messages stopped completely. Then there was one, a few days later, that said he was sorry and he'd talked about it in his group. No "but". I didn't reply. I don't know yet what I think. It's the first apology I've had from him that wasn't really about him.`,
    ],
    [
      'Safety and freedom from violence / Feeling safe',
      `Safer than before. Not safe-safe. If you gave me a scale I'd say six out of ten, and a year ago I'd have said two. I still keep my phone in the drawer some evenings, but now that's because I'm watching a film, not hiding.`,
    ],
    [
      'Expanded space for action',
      `I went back to work. Three days a week at a pharmacy on the high street. The first morning I nearly turned round at the door. I'd forgotten I was good at something.`,
    ],
    [
      'Expanded space for action / Prevents contact with friends or family',
      `I went to my cousin's birthday meal last month, the same cousin whose wedding I missed.`,
    ],
    ['Expanded space for action / Tells her how to dress', `I wore yellow. Nobody commented, and that was the point.`],
    [
      'Expanded space for action',
      `Mostly me, if I'm honest. Him being quieter gives me room, but I'm the one who filled it. I'm not going to hand him the credit for my job.`,
    ],
    ['Safer, healthier childhoods / Children frightened of him', `Jay's more relaxed about contact.`],
    [
      'Safe, positive and shared parenting',
      `He came back last time saying his dad had asked about his football, and actually listened. That's new.`,
    ],
    [
      "Women's support service",
      `Good, but thin. My worker is lovely, but she's clearly stretched. Sometimes a month goes by. When Marcus had that bad night I rang and got a voicemail, and she called back two days later. She was apologetic. It's not her fault. But two days is a long time when your phone won't stop buzzing.`,
    ],
    [
      'Respectful communication / Negotiates during disagreements',
      `He asked me last week whether Sami should start swimming lessons, and when I said not this term, he said fine. Just fine. A year ago that would have been an evening of messages.`,
    ],
    [
      'Safe, positive and shared parenting',
      `He asked me last week whether Sami should start swimming lessons, and when I said not this term, he said fine.`,
    ],
    ['Process of change / Series of sparks', `He's better, I think, but it's slow, and he slipped.`],
  ]),

  ...coded('ana', 'Ruth_T1.txt', [
    [
      'Experience of the programme / One-to-one work',
      `Several assessment sessions, one-to-one. We're looking at whether he's suitable, whether anything makes group unsafe, and we start getting a picture of the abuse in his own words.`,
    ],
    [
      'Service integrity',
      `At the same time, and this is non-negotiable, the women's service contacts his partner or ex-partner. Her account matters more than his when it comes to risk.`,
    ],
    ["Women's support service", `the women's service contacts his partner or ex-partner.`],
    [
      'Awareness of self and others / Minimising and deflecting',
      `Usually with a story in which they're the reasonable one. "It was only shouting." "She winds me up." "I'm a good provider."`,
    ],
    ['Gender / Entitlement', `A lot of it is about what they think they're entitled to as the man of the house.`],
    [
      'Experience of the programme / Held to account by peers',
      `Because men hear things from each other that they can't hear from me. If I challenge a man on checking his partner's phone, I'm a professional with an agenda. If a man who's been in his shoes says "I did that, and here's what it did to my wife," it lands differently. Peers holding each other to account is the engine of it.`,
    ],
    [
      'Experience of the programme / Group work',
      `Every new group. There's a week or two where the men bond over how unfair everything is. You have to interrupt that without shaming them, because shame tends to shut men down rather than open them up.`,
    ],
    ['Experience of the programme / Daring to be vulnerable', `shame tends to shut men down rather than open them up.`],
    [
      'Process of change / Techniques learnt / Time Out',
      `Time Out is the first. We're very clear it isn't an escape hatch for avoiding a conversation – you tell her you're going, for how long, and you come back and you talk.`,
    ],
    [
      'Process of change / Techniques learnt',
      `We also do counting, breathing, and what we call positive self-talk, replacing "she's doing this to get at me" with something less inflammatory. They're tools to interrupt the pattern, not the whole answer.`,
    ],
    [
      'Process of change / Techniques learnt / Positive self-talk',
      `what we call positive self-talk, replacing "she's doing this to get at me" with something less inflammatory.`,
    ],
    [
      "Women's support service",
      `Honestly, badly. We've got one and a half women's workers for about sixty women across Northbridge and Eastmoor. Money for men's groups comes through more easily, because commissioners see the men as the problem to fix. But the women's service is what makes the men's work safe. Without it we'd only have his word for how things are going.`,
    ],
    [
      'Coordinated community response',
      `Money for men's groups comes through more easily, because commissioners see the men as the problem to fix.`,
    ],
    [
      'Coordinated community response',
      `Funding, always. And we've got a lot of family court referrals this time. Those men often come with one goal, a report, and the risk is they learn the language without the change.`,
    ],
    [
      'Service integrity',
      `the risk is they learn the language without the change. We watch for that. The women's accounts are how we catch it.`,
    ],
    [
      "Women's support service",
      `We've just had our leaflets for women translated. The Polish one says Wsparcie dla kobiet doświadczających przemocy on the front, and the Urdu one says خواتین کے لیے مدد – both roughly "support for women". Small thing, but it took two years to find the money for it.`,
    ],
  ]),

  ...coded('ana', 'Ruth_T2.txt', [
    [
      'Process of change',
      `Of those, I'd say most have made some real steps, a couple have made big ones, and one or two are hanging on by their fingernails.`,
    ],
    [
      'Awareness of self and others / Takes responsibility',
      `It's when the story changes shape. At the start it's "she" all the way through. Later you start hearing "I". "I frightened her." "I checked the statements because I wanted to be in charge."`,
    ],
    [
      'Service integrity',
      `The women's accounts have to match, though. If he's talking a good game in group and she's telling our women's worker nothing has changed, we believe her.`,
    ],
    [
      'Experience of the programme / Held to account by peers',
      `There was a turning point around week ten. One man came in after a bad week – a lot of abusive messages to his ex-partner after a change to contact. He started off justifying it, and a longer-serving member asked him, very plainly, to say what he had done rather than what she had done. It took a long time. But he did, and you could feel the room shift. Other men started bringing their own slips instead of hiding them.`,
    ],
    [
      'Process of change / Steps backwards',
      `One man came in after a bad week – a lot of abusive messages to his ex-partner after a change to contact.`,
    ],
    [
      'Experience of the programme / Group work',
      `But he did, and you could feel the room shift. Other men started bringing their own slips instead of hiding them.`,
    ],
    [
      'Experience of the programme / Daring to be vulnerable',
      `Men have to dare to be vulnerable in front of other men, which for a lot of them is the most frightening thing we ask. Some have never cried in front of anyone. If the challenge becomes humiliation, they close up.`,
    ],
    ['Experience of the programme / Facilitators', `If the challenge becomes humiliation, they close up. That's where we step in.`],
    [
      'Service integrity',
      `I'd call it service integrity. People imagine it means sticking to the manual session by session. For me it doesn't. It means staying true to the principles: women's and children's safety first, men's accountability, no collusion. Sometimes that means abandoning the planned session because someone's had a crisis. What keeps us honest is supervision, case management meetings, and regularly checking what the women are telling us against what the men are telling us.`,
    ],
    [
      "Women's support service",
      `We lost part of a post in the spring. Our women's workers have gone from fortnightly calls to monthly for most women. I know some women have felt that. One rang during a difficult night and got voicemail. That's not acceptable, but it's where we are. We're bidding for new money, but the women's side is always the hardest to fund.`,
    ],
    ['Coordinated community response', `We're bidding for new money, but the women's side is always the hardest to fund.`],
    [
      'Service integrity',
      `We've got a children's worker two days a week now, which is new. It's changed how the men talk about their kids.`,
    ],
    [
      'Awareness of self and others / Understands impact on children',
      `It's changed how the men talk about their kids. It's harder to say "they didn't hear anything" when you know someone is sitting with your daughter asking her what she heard.`,
    ],
    [
      'Safe, positive and shared parenting',
      `Some. The ones who do best stop treating time with their children as something owed to them and start asking what the children need. Going to the park and actually playing, rather than checking their phone or talking about the court case.`,
    ],
    ['Process of change / Series of sparks', `Change doesn't stop at week twenty-six. For some of these men it's barely started.`],
  ]),
];
