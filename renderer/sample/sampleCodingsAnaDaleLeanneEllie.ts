// Ana's codings of Dale's, Leanne's and Ellie's transcripts, Time 1 and Time 2.
// (see sampleCodings.ts for what the sample's codings are and how they are written).
import { coded, type SampleCoding } from './sampleCodingRows';

export const ANA_DALE_LEANNE_ELLIE: SampleCoding[] = [
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
];
