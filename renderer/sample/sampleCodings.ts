// Codings for the fictional sample study (see sampleStudy.ts), made against the study's default
// codebook (codebook/default-codebook.json). Coder Ana codes all twelve transcripts; coder Ben
// independently double-codes four of them (Dale_T1, Dale_T2, Leanne_T2, Marcus_T2), so that an
// inter-coder agreement check has something to show. Ben mostly agrees with Ana, but not
// identically: some boundaries differ by a sentence, each applies a few codes the other does
// not, and three passages get a different code from each of them:
//   - Dale_T1 "I'm the one working six days a week..."   Ana: Entitlement / Ben: Protector, provider
//   - Leanne_T2 "I still text him when I'm leaving..."    Ana: Expanded space / Ben: Feeling safe
//   - Marcus_T2 "I'd stopped going through her Facebook"  Ana: Harassment / Ben: Prevents contact
//
// `code` is a codebook path joined by ' / '. `quote` is an exact substring of the transcript that
// occurs exactly once in it. Codings overlap (two codes on the same text) and nest (a child code
// on a short quote inside a longer passage). One quote (Ellie_T1, the safety ladder) deliberately
// spans the interviewer's question and the child's answer, so it contains the newline and label.

export interface SampleCoding {
  file: string;
  code: string;
  quote: string;
  coder: 'ana' | 'ben';
  memo?: string;
}

export const SAMPLE_CODERS = [
  { key: 'ana', name: 'Ana (coder A)', colour: '#2f6db5' },
  { key: 'ben', name: 'Ben (coder B)', colour: '#b5512f' },
] as const;

type Row = [code: string, quote: string, memo?: string];

function coded(coder: SampleCoding['coder'], file: string, rows: Row[]): SampleCoding[] {
  return rows.map(([code, quote, memo]) => (memo === undefined ? { file, code, quote, coder } : { file, code, quote, coder, memo }));
}

// ---------------------------------------------------------------------------------------------
// Ana: all twelve transcripts
// ---------------------------------------------------------------------------------------------

const ANA: SampleCoding[] = [
  ...coded('ana', 'Dale_T1.txt', [
    [
      'Experience of the programme',
      `Children's services, basically. There was a referral after the police came out in the spring, and the social worker said if I did the course it would look better. So here I am. I'm not going to pretend I was queuing up for it.`,
    ],
    [
      'Awareness of self and others / Minimising and deflecting',
      `It was an argument that got out of hand. Leanne and me were both shouting. I put my fist through the kitchen door, which I'm not proud of, but I never touched her. The neighbours rang. If you ask me, it got blown up into a lot more than it was.`,
    ],
    ['Safety and freedom from violence / Harassment and other abuse', `I put my fist through the kitchen door`],
    ['Gender / Entitlement', `I'm the one working six days a week at the depot, so I think I've got a right to know where it goes.`],
    [
      'Awareness of self and others / Justifying or excusing',
      `She'll spend forty quid on something for Ellie without asking and then we're short at the end of the month.`,
    ],
    [
      'Awareness of self and others / Minimising and deflecting',
      `I'm not controlling, I'm just the one who has to sort it out when it goes wrong.`,
    ],
    ['Expanded space for action / Uses money to control', `She's got a card for the food shop and I check the statements.`],
    ['Gender / Knowing best', `Somebody has to. She's not great with it, to be honest, she'd admit that herself.`],
    ['Gender / Women positioned as deficient', `She's not great with it, to be honest, she'd admit that herself.`],
    ['Gender / Being a man', `Hard one. Nobody's ever asked me that. Looking after your family, I suppose.`],
    [
      'Gender / Protector, provider, head of family',
      `Looking after your family, I suppose. Making sure there's a roof and food on the table and nobody messes with them. My dad was the same. He was the head of the house and you knew where you stood.`,
    ],
    ['Gender / Equality a thing of the past', `Course they are. That's all sorted now, isn't it?`],
    [
      'Expanded space for action / Prevents contact with friends or family',
      `Leanne can do what she wants. I've never stopped her doing anything. I just don't see why she needs to be out at her sister's every other night when there's a kid at home.`,
    ],
    ['Safer, healthier childhoods / Children frightened of him', `Lately she goes quiet when I come in from work and heads upstairs.`],
    [
      'Awareness of self and others / Understands impact on children',
      `She's in her room most of the time so I don't think she hears much. Maybe the odd bit. I don't think it's done her any harm, she's doing fine at school.`,
    ],
    [
      'Awareness of self and others / Justifying or excusing',
      `Because it felt like they'd already decided I was the bad guy. There's two people in a relationship. Nobody's asking what she does to wind me up.`,
    ],
    [
      'Process of change / Techniques learnt / Time Out',
      `They showed us Time Out. You notice the warning signs, tell her you're taking a break, go out for an hour, come back and talk calmly. I haven't really tried it. When you're in the middle of it you don't think about a card in your wallet.`,
    ],
  ]),

  ...coded('ana', 'Dale_T2.txt', [
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
    [
      'Process of change / Series of sparks',
      `There wasn't one big moment. People kept asking me if I'd had my big moment, and I hadn't, not like that. It was more like damp coming through a wall – you don't notice it, and then one day the whole patch is different. A session on money. A bloke in the group saying something about his own lad. Leanne telling the women's worker things she'd never told me. Little bits, and half of them I argued with all the way home.`,
    ],
    [
      'Expanded space for action / Uses money to control',
      `We've got a joint account for bills now and she's got her own as well, and I don't see her statements. That was hard. It felt like losing control, and then in group someone said, well, yes, that's the point.`,
    ],
    ['Gender / Entitlement', `I'd always told myself I was the provider so I got the final say.`],
    [
      'Awareness of self and others / Takes responsibility',
      `I'd always told myself I was the provider so I got the final say. Turns out I was using the wages like a lead.`,
    ],
    [
      'Process of change / Techniques learnt / Time Out',
      `Time Out, loads. The first few times I did it wrong – I'd storm out and slam the door, which is just the same thing with a coat on. Now I say, "I'm getting wound up, I'm going for a walk, I'll be back at eight," and I am back at eight.`,
    ],
    [
      'Process of change / Techniques learnt / Positive self-talk',
      `I do the self-talk on the walk. Stuff like, she's allowed to disagree, this isn't an attack on me. Sounds soft. It works.`,
    ],
    [
      'Experience of the programme / Held to account by peers',
      `The group is the bit that got me. The facilitators are good, but it's the other lads. You can't fool someone who's told the same story themselves. There was a week I was moaning about Leanne going to her sister's and one of them just said, "You're doing the thing, Dale." Everyone went quiet.`,
    ],
    [
      'Experience of the programme / Daring to be vulnerable',
      `I wanted to walk out. I didn't. I ended up talking about my dad, which I've never done in front of anyone.`,
    ],
    ['Experience of the programme / One-to-one work', `I had my one-to-one after that and I was properly shaky.`],
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
  ]),

  ...coded('ana', 'Leanne_T1.txt', [
    [
      'Safety and freedom from violence / Feeling safe',
      `Quiet’s not always good in our house, though. It can mean he’s fine or it can mean something’s building. I’ve got quite good at reading which one.`,
    ],
    [
      'Expanded space for action',
      `If he goes straight to the fridge without talking, I keep things simple for the evening. Don’t mention anything that costs money, don’t bring up my sister. It’s like walking round carrying a tray full of glasses.`,
    ],
    [
      'Expanded space for action / Uses money to control',
      `His wages go into his account and I get a card for the food shop. He goes through the statements every Sunday, line by line. If there’s something he doesn’t recognise I have to explain it. I bought Ellie a pair of trainers for school and it was two days of sulking and comments about how I can’t be trusted.`,
    ],
    ['Gender / Women positioned as deficient', `comments about how I can’t be trusted`],
    [
      'Expanded space for action / Prevents contact with friends or family',
      `I used to see my sister Gemma every week. Now it’s maybe once a month, and I usually say no because the atmosphere when I get back isn’t worth it. He never says I can’t go. He doesn’t need to.`,
      'No ban, but contact made so unpleasant that she gives it up: this is in the inclusion criteria. Compare Dale T1, "I\'ve never stopped her doing anything".',
    ],
    ['Safety and freedom from violence / Physical violence', `He’s shoved past me a few times.`],
    [
      'Safety and freedom from violence / Children saw or overheard',
      `Ellie saw it from the stairs. That’s the bit I can’t get past, her little face.`,
    ],
    [
      'Awareness of self and others / Minimising and deflecting',
      `He keeps telling people he never touched me, like that’s the main thing.`,
    ],
    [
      'Safer, healthier childhoods',
      `She’s gone into herself. She used to be a chatterbox. Now it’s headphones and her bedroom. Her teacher asked me if everything was OK at home because she’s been jumpy in class. I said it was fine. I shouldn’t have.`,
    ],
    [
      'Experience of the programme',
      `He went because children’s services told him to, not because he thought he needed to. He comes home and says things like “they’re all blaming me in there.”`,
    ],
    [
      "Women's support service",
      `Yes, a worker called Bev rang me in the first week. She explained what he’d be doing in the group, so I’d know if he was twisting it. That helped, honestly. She’s the first person who’s asked me what I want rather than what he did.`,
    ],
    [
      'Expanded space for action',
      `To go to my sister’s without rehearsing the conversation on the way home. To buy something for my daughter without a court case over it.`,
    ],
    [
      'Gender / Being a woman',
      `I honestly don’t know. I’ve never thought about it. I suppose I always thought I was the one who kept everyone happy. Kept the peace. My mum was the same. Maybe that’s it.`,
    ],
    [
      'Gender',
      `On paper, yes. I work, I vote, nobody’s stopping me. But in our kitchen it’s his rules, and I’ve gone along with them so long I don’t always notice they’re there.`,
    ],
    ['Gender / Entitlement', `But in our kitchen it’s his rules`],
  ]),

  ...coded('ana', 'Leanne_T2.txt', [
    [
      'Respectful communication / Listens so she feels heard',
      `He asks me things. Not just “what’s for tea” – proper things, like whether we should change Ellie’s after-school club, and then he waits while I answer. The first time he did it I thought it was a trick. I kept waiting for the catch. There wasn’t one.`,
    ],
    [
      'Process of change / Techniques learnt / Time Out',
      `But when he feels it coming he says he’s going for a walk and tells me when he’ll be back, and he comes back when he says. At first he’d slam out and I thought, oh, here we go, same as before. He’s got better at it.`,
    ],
    [
      'Respectful communication / Negotiates during disagreements',
      `We still disagree. But when he feels it coming he says he’s going for a walk and tells me when he’ll be back, and he comes back when he says. At first he’d slam out and I thought, oh, here we go, same as before. He’s got better at it. We talk after, once he’s calmed down. I don’t always agree with what he says, but I’m not scared to say so.`,
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
    [
      'Expanded space for action',
      `I still text him when I’m leaving, though he’s never asked me to. I think that’s me, not him. Old habits.`,
    ],
    [
      "Women's support service",
      `Bev, my worker, said that’s normal. I’ve still got her number, but she only rings every month now instead of every fortnight. She told me they’ve lost some funding and she’s got too many women to call. That worries me more than I expected.`,
    ],
    ['Safer, healthier childhoods', `She’s coming back to us. She sits at the table for tea again.`],
    [
      'Safer, healthier childhoods',
      `Last week she laughed at something he said, a real laugh, and he looked at me like he’d won the lottery.`,
    ],
    [
      'Gender / Being a woman',
      `I don’t think I’m the peacekeeper any more. Or I don’t want to be. I used to think my job was to make sure nobody got upset. Now I think I’m allowed to be upset too.`,
    ],
    ["Women's support service", `Keep ringing the women. Please. Whatever he’s learning, I still need someone on my side who isn’t him.`],
  ]),

  ...coded('ana', 'Ellie_T1.txt', [
    ["Children's views", `I'll do a sad one. And a bit confused. Can I do two faces?`],
    [
      "Children's views",
      `Because he's sad and cross a lot. Not all the time. He used to do funny voices when he read to me when I was little. Now he comes home and it's all quiet, and then sometimes it's loud.`,
    ],
    [
      "Children's views",
      `Him and Mum shout. Mostly him. I go upstairs and put my headphones on and turn them up really high. Sometimes I put my duvet over my head as well.`,
    ],
    ['Safety and freedom from violence / Children saw or overheard', `Him and Mum shout. Mostly him.`],
    [
      "Children's views",
      `Because I don't know why he gets cross. Sometimes it's about money and sometimes it's about nothing. I thought maybe it was me, because I cost money. Like trainers.`,
    ],
    [
      "Children's views",
      `Here's a ladder. The bottom is really not safe, and the top is really, really safe. Where would you put yourself at home right now?\n\nEllie: Here. Number two. Not one, because Mum's there and she makes it better.`,
    ],
    [
      "Children's views",
      `At Auntie Gemma's. And at school, except when I'm thinking about home. Mrs Okafor asked me if I was OK because I jumped when someone dropped a book.`,
    ],
    ["Children's views", `Mum said it's to help him not get so cross. I don't know if it will work. He said it's stupid.`],
    [
      "Children's views",
      `I want him to do the funny voices again. And I want to go to the park with him without being worried he'll get in a mood.`,
    ],
    ['Expanded space for action', `And I want Mum to go to Auntie Gemma's more, because she's happy when she comes back.`],
    ["Children's views", `Everyone would be at the table for tea and nobody would be cross.`],
  ]),

  ...coded('ana', 'Ellie_T2.txt', [
    ["Children's views", `A happy one. And… a bit of a wobbly one as well, just small, in the corner.`],
    [
      "Children's views",
      `We go to the park on Saturdays. Just me and Dad. We play football and he's rubbish in goal. Sometimes we take cards and play snap on the bench, and I always win because he's slow. Last week we got chips after.`,
    ],
    ["Children's views", `Before, I was always watching to see if he was getting in a mood. Now I don't really watch. I just play.`],
    [
      "Children's views",
      `Just sometimes. If he's tired and he goes quiet, I get a funny feeling in my tummy. But then he usually says "I'm going for a walk, back at eight," and he comes back at eight and he's normal. He told me the walks are so he doesn't shout. He said the shouting was never my fault.`,
    ],
    [
      'Process of change / Techniques learnt / Time Out',
      `he usually says "I'm going for a walk, back at eight," and he comes back at eight and he's normal.`,
    ],
    ["Children's views", `Nine. Not ten, because of the wobbly bit. But nine is nearly the top.`],
    [
      "Children's views",
      `There's no loud nights any more. Mum goes to college on Thursdays, and to Auntie Gemma's. Mum laughs more. And I don't need my headphones on loud. I just use them for music now.`,
    ],
    ['Expanded space for action', `Mum goes to college on Thursdays, and to Auntie Gemma's.`],
    ["Children's views", `Better. Mrs Okafor put my fox comic on the wall. I don't jump as much.`],
    [
      "Children's views",
      `We all sit at the table now. Dad asks Mum what she wants to do at the weekend, and she actually says. Last week Dad did a funny voice for the fox in my comic. It was quite bad but I laughed.`,
    ],
    ['Respectful communication / Listens so she feels heard', `Dad asks Mum what she wants to do at the weekend, and she actually says.`],
    [
      "Children's views",
      `I'm a bit worried it'll go back to before. Sam said if I'm worried I can tell her, or tell Mum. I think I'd tell Mum.`,
    ],
    ["Children's views", `Thank you. And maybe keep checking on him. Like a teacher checks your homework.`],
  ]),

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

// ---------------------------------------------------------------------------------------------
// Ben: independent double-coding of Dale_T1, Dale_T2, Leanne_T2 and Marcus_T2
// ---------------------------------------------------------------------------------------------

const BEN: SampleCoding[] = [
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

export const SAMPLE_CODINGS: SampleCoding[] = [...ANA, ...BEN];
