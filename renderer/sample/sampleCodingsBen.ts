// Ben's independent double-coding of Dale_T1, Dale_T2, Leanne_T2 and Marcus_T2.
// (see sampleCodings.ts for what the sample's codings are and how they are written).
import { coded, type SampleCoding } from './sampleCodingRows';

export const BEN: SampleCoding[] = [
  ...coded('ben', 'Dale_T1.txt', [
    // A sentence shorter than Ana.
    [
      'Experience of the programme',
      `Children's services, basically. There was a referral after the police came out in the spring, and the social worker said if I did the course it would look better.`,
    ],
    [
      'Awareness of self and others / Minimising and deflecting',
      `It was an argument that got out of hand. Leanne and me were both shouting. I put my fist through the kitchen door, which I'm not proud of, but I never touched her. The neighbours rang. If you ask me, it got blown up into a lot more than it was.`,
    ],
    // A few words longer than Ana.
    ['Safety and freedom from violence / Harassment and other abuse', `I put my fist through the kitchen door, which I'm not proud of`],
    // Disagreement: Ana codes Entitlement here.
    [
      'Gender / Protector, provider, head of family',
      `I'm the one working six days a week at the depot, so I think I've got a right to know where it goes.`,
    ],
    // Ana splits this into Justifying (first sentence) and Minimising (second); Ben codes both as Justifying.
    [
      'Awareness of self and others / Justifying or excusing',
      `She'll spend forty quid on something for Ellie without asking and then we're short at the end of the month. I'm not controlling, I'm just the one who has to sort it out when it goes wrong.`,
    ],
    [
      'Expanded space for action / Uses money to control',
      `I do. She's got a card for the food shop and I check the statements. Somebody has to.`,
    ],
    ['Gender / Women positioned as deficient', `She's not great with it, to be honest, she'd admit that herself.`],
    ['Gender / Being a man', `Hard one. Nobody's ever asked me that.`],
    [
      'Gender / Protector, provider, head of family',
      `Looking after your family, I suppose. Making sure there's a roof and food on the table and nobody messes with them. My dad was the same. He was the head of the house and you knew where you stood.`,
    ],
    ['Gender / Equality a thing of the past', `Course they are. That's all sorted now, isn't it?`],
    [
      'Expanded space for action / Prevents contact with friends or family',
      `I just don't see why she needs to be out at her sister's every other night when there's a kid at home.`,
    ],
    // Only Ben.
    [
      'Expanded space for action / Prevents contact with friends or family',
      `Not much lately, to be fair. Once a month maybe. She doesn't really bother.`,
    ],
    ['Safer, healthier childhoods / Children frightened of him', `Lately she goes quiet when I come in from work and heads upstairs.`],
    [
      'Awareness of self and others / Understands impact on children',
      `She's in her room most of the time so I don't think she hears much. Maybe the odd bit. I don't think it's done her any harm, she's doing fine at school.`,
    ],
    [
      'Awareness of self and others / Justifying or excusing',
      `There's two people in a relationship. Nobody's asking what she does to wind me up.`,
    ],
    [
      'Process of change / Techniques learnt / Time Out',
      `They showed us Time Out. You notice the warning signs, tell her you're taking a break, go out for an hour, come back and talk calmly. I haven't really tried it. When you're in the middle of it you don't think about a card in your wallet.`,
    ],
  ]),

  ...coded('ben', 'Dale_T2.txt', [
    [
      'Awareness of self and others / Takes responsibility',
      `I see it as me frightening my family. I punched the door right next to where she was standing, with Ellie on the stairs. I told you I never touched her, like that made it fine. It wasn't fine. The door was the message, and everyone in that house got it.`,
    ],
    [
      'Safety and freedom from violence / Children saw or overheard',
      `I punched the door right next to where she was standing, with Ellie on the stairs.`,
    ],
    [
      'Process of change / Light-bulb moment',
      `There wasn't one big moment. People kept asking me if I'd had my big moment, and I hadn't, not like that.`,
    ],
    // Starts two sentences later than Ana.
    [
      'Process of change / Series of sparks',
      `It was more like damp coming through a wall – you don't notice it, and then one day the whole patch is different. A session on money. A bloke in the group saying something about his own lad. Leanne telling the women's worker things she'd never told me. Little bits, and half of them I argued with all the way home.`,
    ],
    // Runs to the end of the answer, where Ana stops before the provider sentences.
    [
      'Expanded space for action / Uses money to control',
      `We've got a joint account for bills now and she's got her own as well, and I don't see her statements. That was hard. It felt like losing control, and then in group someone said, well, yes, that's the point. I'd always told myself I was the provider so I got the final say. Turns out I was using the wages like a lead.`,
    ],
    ['Gender / Entitlement', `I'd always told myself I was the provider so I got the final say.`],
    [
      'Process of change / Techniques learnt / Time Out',
      `Time Out, loads. The first few times I did it wrong – I'd storm out and slam the door, which is just the same thing with a coat on. Now I say, "I'm getting wound up, I'm going for a walk, I'll be back at eight," and I am back at eight.`,
    ],
    [
      'Process of change / Techniques learnt / Positive self-talk',
      `I do the self-talk on the walk. Stuff like, she's allowed to disagree, this isn't an attack on me.`,
    ],
    [
      'Experience of the programme / Held to account by peers',
      `The group is the bit that got me. The facilitators are good, but it's the other lads. You can't fool someone who's told the same story themselves. There was a week I was moaning about Leanne going to her sister's and one of them just said, "You're doing the thing, Dale." Everyone went quiet.`,
    ],
    [
      'Experience of the programme / Daring to be vulnerable',
      `I wanted to walk out. I didn't. I ended up talking about my dad, which I've never done in front of anyone.`,
    ],
    [
      'Safe, positive and shared parenting',
      `Saturdays we go to the park, just me and her. Football, or she makes me play snap on the bench. She's faster than me.`,
    ],
    [
      'Awareness of self and others / Understands impact on children',
      `Last month she asked me why I go for walks now. I told her it's so I don't shout, and that the shouting was never her fault.`,
    ],
    [
      'Respectful communication / Listens so she feels heard',
      `I ask what she thinks before I decide stuff, and then I actually listen to the answer, which is the bit I used to skip.`,
    ],
    ['Safety and freedom from violence / Feeling safe', `She still watches me sometimes when I'm tired, and I know why.`],
    [
      'Gender / Being a man',
      `I still want to look after them. But I used to think looking after them meant being in charge of them. Now I think it means them not being scared of me. That's a lower bar than I'd like to admit.`,
    ],
    // Only Ben.
    ['Gender / Protector, provider, head of family', `I still want to look after them.`],
  ]),

  ...coded('ben', 'Leanne_T2.txt', [
    // Two sentences shorter than Ana.
    [
      'Respectful communication / Listens so she feels heard',
      `He asks me things. Not just “what’s for tea” – proper things, like whether we should change Ellie’s after-school club, and then he waits while I answer. The first time he did it I thought it was a trick.`,
    ],
    [
      'Process of change / Techniques learnt / Time Out',
      `But when he feels it coming he says he’s going for a walk and tells me when he’ll be back, and he comes back when he says. At first he’d slam out and I thought, oh, here we go, same as before. He’s got better at it.`,
    ],
    // Only the talking-after part, where Ana takes the whole answer.
    [
      'Respectful communication / Negotiates during disagreements',
      `We talk after, once he’s calmed down. I don’t always agree with what he says, but I’m not scared to say so.`,
    ],
    ['Safety and freedom from violence / Physical violence', `Nothing physical. Nothing like the door.`],
    [
      'Safety and freedom from violence / Feeling safe',
      `There was one night he raised his voice about the car insurance and I felt my stomach go, the old feeling. He stopped himself mid-sentence and went out. I was shaking for a bit after. My body hasn’t caught up with him yet, if that makes sense.`,
    ],
    [
      'Expanded space for action / Uses money to control',
      `I’ve got my own account. My wages from the school kitchen go in there and he doesn’t see it. We’ve got a joint one for bills. It sounds so basic when I say it out loud… but it’s the biggest thing.`,
    ],
    [
      'Expanded space for action',
      `I bought myself a coat last month and didn’t tell anyone, not because I was hiding it, just because it was mine.`,
    ],
    ['Expanded space for action / Prevents contact with friends or family', `I see Gemma most weeks again.`],
    [
      'Expanded space for action',
      `I’ve started a Thursday night course at the college, bookkeeping, which is funny considering. He drops me off sometimes.`,
    ],
    // Disagreement: Ana codes Expanded space for action here.
    [
      'Safety and freedom from violence / Feeling safe',
      `I still text him when I’m leaving, though he’s never asked me to. I think that’s me, not him. Old habits.`,
    ],
    // Only Ben.
    [
      'Experience of the programme',
      `The course finishes in a few weeks and I worry what happens when there’s no group for him to go to on a Tuesday.`,
    ],
    // A sentence shorter than Ana.
    [
      "Women's support service",
      `Bev, my worker, said that’s normal. I’ve still got her number, but she only rings every month now instead of every fortnight. She told me they’ve lost some funding and she’s got too many women to call.`,
    ],
    ['Safer, healthier childhoods', `She’s coming back to us. She sits at the table for tea again.`],
    [
      'Gender / Being a woman',
      `I don’t think I’m the peacekeeper any more. Or I don’t want to be. I used to think my job was to make sure nobody got upset. Now I think I’m allowed to be upset too.`,
    ],
    ["Women's support service", `Keep ringing the women. Please. Whatever he’s learning, I still need someone on my side who isn’t him.`],
  ]),

  ...coded('ben', 'Marcus_T2.txt', [
    [
      'Process of change / Steps backwards',
      `The contact got moved. Priya changed a Sunday for a school thing and told me with a day's notice, and I just went. I sent her a load of messages that night. Maybe twenty. Some of them weren't nice. I know that.`,
    ],
    // A sentence longer than Ana.
    [
      'Safety and freedom from violence / Harassment and other abuse',
      `I sent her a load of messages that night. Maybe twenty. Some of them weren't nice. I know that.`,
    ],
    [
      'Experience of the programme / Held to account by peers',
      `They didn't let me off. I started with my version, that she'd done it on purpose, and one of the older lads, he's been through the same courts, he said, "You're telling us what she did. Tell us what you did."`,
    ],
    // A sentence shorter than Ana.
    [
      'Experience of the programme / Daring to be vulnerable',
      `Eventually I read out some of what I'd sent. Out loud. That was the worst ten minutes I've had on the course, and probably the most useful.`,
    ],
    [
      'Awareness of self and others / Takes responsibility',
      `Some of them were. Twenty messages in a night is… yeah. It's me trying to get my own way by wearing her down. I still think she could've told me sooner. But that doesn't make the twenty OK.`,
    ],
    ['Awareness of self and others / Justifying or excusing', `I still think she could've told me sooner.`],
    [
      'Process of change / Techniques learnt / Counting to ten',
      `I'd got the counting thing down. Sounds daft, counting to ten, but I'd do it with my hand in my pocket at contact when Jay was being off with me, and by the time I got to ten I'd stopped wanting to say something sarcastic.`,
    ],
    // Disagreement: Ana codes Harassment and other abuse here.
    [
      'Expanded space for action / Prevents contact with friends or family',
      `And I'd stopped going through her Facebook, which I used to do every night. Deleted the app.`,
      'Checking who she talks to is the same control as going through her phone at T1, so Prevents contact, even after the separation.',
    ],
    [
      'Safe, positive and shared parenting',
      `I used to make every visit about me – how much I missed them, how unfair it all was. The facilitator in my one-to-one said, "Who's that for?" and I didn't have an answer. Now I try to ask them about their week and just listen.`,
    ],
    [
      'Experience of the programme / One-to-one work',
      `The facilitator in my one-to-one said, "Who's that for?" and I didn't have an answer.`,
    ],
    // Only Ben.
    ['Awareness of self and others / Minimising and deflecting', `I still think the courts are hard on dads, I won't pretend I don't.`],
    [
      'Gender / Entitlement',
      `But I can see I thought being the earner meant I got to decide everything, including who she talked to. That's not equality, is it. That's me being in charge and calling it looking after her.`,
    ],
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
];
