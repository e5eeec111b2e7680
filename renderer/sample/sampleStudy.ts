// A small, entirely fictional sample project for the workbench: 6 participants x 2 waves.
// Every person, place, service and conversation below is invented for demonstration and
// training. No sentence is taken from any real interview. The study design (men on a domestic
// violence perpetrator programme, their women partners or ex-partners, a facilitator and a
// child, interviewed near the start and near the end) loosely follows published longitudinal
// DVPP research, so the texts can be coded against its six measures of success and themes.
//
// Transcript format: one turn per paragraph, paragraphs separated by a blank line, each turn
// starting with `Interviewer:` or the participant's pseudonym followed by a colon. One
// interviewer turn (Marcus, Time 2) deliberately continues into a second, unlabelled paragraph.
// Leanne's transcripts use typographic apostrophes and quotes; Priya's and Ruth's contain
// Devanagari, Urdu (Arabic script) and Polish words, to exercise text handling.

export interface SampleParticipant {
  key: string;
  pseudonym: string;
  role: 'man' | 'woman' | 'staff' | 'child';
  site: string;
  group: 'programme';
  attributes: Record<string, string | number | boolean>;
  links: { type: string; key: string }[];
}

export interface SampleTranscript {
  fileName: string;
  participantKey: string;
  wave: 'T1' | 'T2';
  text: string;
}

export const SAMPLE_PROJECT_NAME = 'Sample study (fictional)';

export const SAMPLE_DESCRIPTION: string =
  'Fictional sample project, written for this app: every participant, place and interview here is invented, ' +
  'and none of it comes from a real study or a real person. It imitates the design of a longitudinal study of ' +
  'domestic violence perpetrator programmes (DVPPs): two men on a programme, their women partner or ex-partner, ' +
  'a group facilitator and one child were each interviewed near the start (Time 1) and near the end (Time 2) ' +
  'of the programme, at two invented sites, Northbridge and Eastmoor. Use it to try importing, coding and ' +
  'comparing waves, for example against six measures of success (respectful communication; expanded space for ' +
  'action; safety and freedom from violence and abuse for women and children; safe, positive and shared ' +
  'parenting; awareness of self and others; safer, healthier childhoods) and themes such as how change happens, ' +
  'gender, experience of the programme, the women\u2019s support service, children\u2019s views and service integrity.';

export const SAMPLE_PARTICIPANTS: SampleParticipant[] = [
  {
    key: 'dale',
    pseudonym: 'Dale',
    role: 'man',
    site: 'Northbridge',
    group: 'programme',
    attributes: { 'age band': '35-44', 'weeks on programme at T2': 26, 'contact with children': true, 'referral route': "children's services" },
    links: [],
  },
  {
    key: 'leanne',
    pseudonym: 'Leanne',
    role: 'woman',
    site: 'Northbridge',
    group: 'programme',
    attributes: { 'age band': '35-44', 'living with partner': true, 'women’s support service': true },
    links: [{ type: 'partner of', key: 'dale' }],
  },
  {
    key: 'ellie',
    pseudonym: 'Ellie',
    role: 'child',
    site: 'Northbridge',
    group: 'programme',
    attributes: { 'age band': '10-12', 'children’s worker present': true },
    links: [
      { type: 'child of', key: 'dale' },
      { type: 'child of', key: 'leanne' },
    ],
  },
  {
    key: 'marcus',
    pseudonym: 'Marcus',
    role: 'man',
    site: 'Eastmoor',
    group: 'programme',
    attributes: { 'age band': '25-34', 'weeks on programme at T2': 24, 'contact with children': true, 'referral route': 'family court' },
    links: [],
  },
  {
    key: 'priya',
    pseudonym: 'Priya',
    role: 'woman',
    site: 'Eastmoor',
    group: 'programme',
    attributes: { 'age band': '25-34', 'living with partner': false, 'women’s support service': true },
    links: [{ type: 'ex-partner of', key: 'marcus' }],
  },
  {
    key: 'ruth',
    pseudonym: 'Ruth',
    role: 'staff',
    site: 'Northbridge',
    group: 'programme',
    attributes: { 'age band': '45-54', 'staff role': 'group facilitator', 'years in post': 6 },
    links: [],
  },
];

const DALE_T1 = `Interviewer: Thanks for meeting me, Dale. This is the first of two conversations, one now near the start of the programme and one near the end. Can you tell me how you came to be on the programme?

Dale: Children's services, basically. There was a referral after the police came out in the spring, and the social worker said if I did the course it would look better. So here I am. I'm not going to pretend I was queuing up for it.

Interviewer: What happened the night the police came?

Dale: It was an argument that got out of hand. Leanne and me were both shouting. I put my fist through the kitchen door, which I'm not proud of, but I never touched her. The neighbours rang. If you ask me, it got blown up into a lot more than it was.

Interviewer: How do arguments usually start at home?

Dale: Money, mostly. I'm the one working six days a week at the depot, so I think I've got a right to know where it goes. She'll spend forty quid on something for Ellie without asking and then we're short at the end of the month. I'm not controlling, I'm just the one who has to sort it out when it goes wrong.

Interviewer: Who looks after the money day to day?

Dale: I do. She's got a card for the food shop and I check the statements. Somebody has to. She's not great with it, to be honest, she'd admit that herself.

Interviewer: What does it mean to you to be a man?

Dale: Hard one. Nobody's ever asked me that. Looking after your family, I suppose. Making sure there's a roof and food on the table and nobody messes with them. My dad was the same. He was the head of the house and you knew where you stood.

Interviewer: And do you think men and women are equal now?

Dale: Course they are. That's all sorted now, isn't it? Leanne can do what she wants. I've never stopped her doing anything. I just don't see why she needs to be out at her sister's every other night when there's a kid at home.

Interviewer: How often does she go out?

Dale: Not much lately, to be fair. Once a month maybe. She doesn't really bother.

Interviewer: Tell me about Ellie.

Dale: She's eleven going on twenty. Clever, into drawing, always got her headphones in. We used to be really close when she was little. Lately she goes quiet when I come in from work and heads upstairs. Leanne says it's because of the shouting, but kids her age are all like that, aren't they?

Interviewer: Do you think the arguments affect her?

Dale: She's in her room most of the time so I don't think she hears much. Maybe the odd bit. I don't think it's done her any harm, she's doing fine at school.

Interviewer: How have the first few weeks of the group been?

Dale: Strange. You sit in a circle with a load of blokes you don't know and you're meant to talk about your relationship. Some of them have done a lot worse than me, I'll say that. The facilitators are all right. They don't let you off much. One of them picked me up on saying "she made me" and I was a bit annoyed, honestly.

Interviewer: Why annoyed?

Dale: Because it felt like they'd already decided I was the bad guy. There's two people in a relationship. Nobody's asking what she does to wind me up.

Interviewer: Have you learned anything you've used yet?

Dale: They showed us Time Out. You notice the warning signs, tell her you're taking a break, go out for an hour, come back and talk calmly. I haven't really tried it. When you're in the middle of it you don't think about a card in your wallet.

Interviewer: What would you like to be different by the end?

Dale: I want social services off our backs, and I want Ellie to stop looking at me like that when I come in. That's it really.

Interviewer: Thank you, Dale. We'll talk again near the end.`;

const DALE_T2 = `Interviewer: Good to see you again, Dale. You're near the end of the programme now. How are things?

Dale: Different. Better, I think, though you'd have to ask Leanne, she'd be the better judge. If you'd told me six months ago I'd be saying that, I'd have laughed.

Interviewer: Last time you described the night the police came as an argument that got out of hand. How do you see it now?

Dale: I see it as me frightening my family. I punched the door right next to where she was standing, with Ellie on the stairs. I told you I never touched her, like that made it fine. It wasn't fine. The door was the message, and everyone in that house got it.

Interviewer: What changed your thinking?

Dale: There wasn't one big moment. People kept asking me if I'd had my big moment, and I hadn't, not like that. It was more like damp coming through a wall – you don't notice it, and then one day the whole patch is different. A session on money. A bloke in the group saying something about his own lad. Leanne telling the women's worker things she'd never told me. Little bits, and half of them I argued with all the way home.

Interviewer: You mentioned money. What's happened there?

Dale: We've got a joint account for bills now and she's got her own as well, and I don't see her statements. That was hard. It felt like losing control, and then in group someone said, well, yes, that's the point. I'd always told myself I was the provider so I got the final say. Turns out I was using the wages like a lead.

Interviewer: Have you used any of the techniques from the programme?

Dale: Time Out, loads. The first few times I did it wrong – I'd storm out and slam the door, which is just the same thing with a coat on. Now I say, "I'm getting wound up, I'm going for a walk, I'll be back at eight," and I am back at eight. I do the self-talk on the walk. Stuff like, she's allowed to disagree, this isn't an attack on me. Sounds soft. It works.

Interviewer: How has the group been for you?

Dale: The group is the bit that got me. The facilitators are good, but it's the other lads. You can't fool someone who's told the same story themselves. There was a week I was moaning about Leanne going to her sister's and one of them just said, "You're doing the thing, Dale." Everyone went quiet. I wanted to walk out. I didn't. I ended up talking about my dad, which I've never done in front of anyone. I had my one-to-one after that and I was properly shaky.

Interviewer: What about Ellie?

Dale: Saturdays we go to the park, just me and her. Football, or she makes me play snap on the bench. She's faster than me. Last month she asked me why I go for walks now. I told her it's so I don't shout, and that the shouting was never her fault. She just said "OK" and carried on. But she's coming downstairs more. She shows me her drawings again.

Interviewer: And how are things with Leanne?

Dale: Calmer. I ask what she thinks before I decide stuff, and then I actually listen to the answer, which is the bit I used to skip. She's started an evening course. I'd have kicked off about that before. I'm not saying we're sorted. She still watches me sometimes when I'm tired, and I know why.

Interviewer: What does being a man mean to you now?

Dale: I still want to look after them. But I used to think looking after them meant being in charge of them. Now I think it means them not being scared of me. That's a lower bar than I'd like to admit.

Interviewer: Thank you, Dale.`;

const LEANNE_T1 = `Interviewer: Thank you for talking to me, Leanne. Everything you say stays confidential, and you can stop at any point. How are things at home at the moment?

Leanne: Quiet, I suppose. Quiet’s not always good in our house, though. It can mean he’s fine or it can mean something’s building. I’ve got quite good at reading which one.

Interviewer: What does that reading involve?

Leanne: The way he puts his keys down. Whether he says hello to Ellie. If he goes straight to the fridge without talking, I keep things simple for the evening. Don’t mention anything that costs money, don’t bring up my sister. It’s like walking round carrying a tray full of glasses.

Interviewer: You mentioned money. How is money managed?

Leanne: His wages go into his account and I get a card for the food shop. He goes through the statements every Sunday, line by line. If there’s something he doesn’t recognise I have to explain it. I bought Ellie a pair of trainers for school and it was two days of sulking and comments about how I can’t be trusted.

Interviewer: How about seeing friends and family?

Leanne: I used to see my sister Gemma every week. Now it’s maybe once a month, and I usually say no because the atmosphere when I get back isn’t worth it. He never says I can’t go. He doesn’t need to.

Interviewer: Has he ever been physically violent?

Leanne: He’s shoved past me a few times. And the night the police came he punched the door right by me. Ellie saw it from the stairs. That’s the bit I can’t get past, her little face. He keeps telling people he never touched me, like that’s the main thing.

Interviewer: How do you think Ellie has been affected?

Leanne: She’s gone into herself. She used to be a chatterbox. Now it’s headphones and her bedroom. Her teacher asked me if everything was OK at home because she’s been jumpy in class. I said it was fine. I shouldn’t have.

Interviewer: How do you feel about Dale being on the programme?

Leanne: Hopeful, but I’m trying not to be too hopeful. He went because children’s services told him to, not because he thought he needed to. He comes home and says things like “they’re all blaming me in there.” I don’t know if that’s progress or not.

Interviewer: Have you had contact with the women’s support service?

Leanne: Yes, a worker called Bev rang me in the first week. She explained what he’d be doing in the group, so I’d know if he was twisting it. That helped, honestly. She’s the first person who’s asked me what I want rather than what he did.

Interviewer: What do you want?

Leanne: To go to my sister’s without rehearsing the conversation on the way home. To buy something for my daughter without a court case over it. For Ellie to come downstairs when her dad’s in. That’s not much to ask, is it?

Interviewer: What does it mean to you to be a woman?

Leanne: I honestly don’t know. I’ve never thought about it. I suppose I always thought I was the one who kept everyone happy. Kept the peace. My mum was the same. Maybe that’s it.

Interviewer: Do you think men and women are equal these days?

Leanne: On paper, yes. I work, I vote, nobody’s stopping me. But in our kitchen it’s his rules, and I’ve gone along with them so long I don’t always notice they’re there.

Interviewer: Is there anything else you’d like to say?

Leanne: Just that I’m not doing this to get him in trouble. I want him to be the dad he was when Ellie was small. I just don’t know if that dad is still in there.

Interviewer: Thank you, Leanne.`;

const LEANNE_T2 = `Interviewer: Thanks for seeing me again, Leanne. How have the last few months been?

Leanne: Better. I keep wanting to say “a lot better” and then I stop myself, because I’ve said that before and been wrong. So, better.

Interviewer: What feels different?

Leanne: He asks me things. Not just “what’s for tea” – proper things, like whether we should change Ellie’s after-school club, and then he waits while I answer. The first time he did it I thought it was a trick. I kept waiting for the catch. There wasn’t one.

Interviewer: How have arguments been?

Leanne: We still disagree. But when he feels it coming he says he’s going for a walk and tells me when he’ll be back, and he comes back when he says. At first he’d slam out and I thought, oh, here we go, same as before. He’s got better at it. We talk after, once he’s calmed down. I don’t always agree with what he says, but I’m not scared to say so.

Interviewer: Have there been any incidents since we last spoke?

Leanne: Nothing physical. Nothing like the door. There was one night he raised his voice about the car insurance and I felt my stomach go, the old feeling. He stopped himself mid-sentence and went out. I was shaking for a bit after. My body hasn’t caught up with him yet, if that makes sense.

Interviewer: What about money?

Leanne: I’ve got my own account. My wages from the school kitchen go in there and he doesn’t see it. We’ve got a joint one for bills. It sounds so basic when I say it out loud… but it’s the biggest thing. I bought myself a coat last month and didn’t tell anyone, not because I was hiding it, just because it was mine.

Interviewer: And seeing friends and family?

Leanne: I see Gemma most weeks again. I’ve started a Thursday night course at the college, bookkeeping, which is funny considering. He drops me off sometimes. I still text him when I’m leaving, though he’s never asked me to. I think that’s me, not him. Old habits.

Interviewer: You sound cautious.

Leanne: I am. The course finishes in a few weeks and I worry what happens when there’s no group for him to go to on a Tuesday. Bev, my worker, said that’s normal. I’ve still got her number, but she only rings every month now instead of every fortnight. She told me they’ve lost some funding and she’s got too many women to call. That worries me more than I expected.

Interviewer: How is Ellie?

Leanne: She’s coming back to us. She sits at the table for tea again. Saturdays she goes off to the park with her dad and they come back muddy and arguing about who won. Last week she laughed at something he said, a real laugh, and he looked at me like he’d won the lottery. I had to go in the kitchen for a minute.

Interviewer: Has anything changed in how you see yourself?

Leanne: I don’t think I’m the peacekeeper any more. Or I don’t want to be. I used to think my job was to make sure nobody got upset. Now I think I’m allowed to be upset too.

Interviewer: Is there anything you’d want the programme to know?

Leanne: Keep ringing the women. Please. Whatever he’s learning, I still need someone on my side who isn’t him.

Interviewer: Thank you, Leanne.`;

const ELLIE_T1 = `Interviewer: Hi Ellie. Thanks for coming to talk to me. Sam, your worker, is here too, and you can stop whenever you want. You can say "pass" to any question. Is that OK?

Ellie: Yeah. Can I keep the felt tips?

Interviewer: Of course. Let's start with something easy. What do you like doing?

Ellie: Drawing. Mostly animals. I'm doing a comic about a fox who runs a café. And I like swimming, but we don't go much.

Interviewer: That sounds brilliant. In your book there's a page with empty faces. Could you draw a face for how you feel about your dad at the moment?

Ellie: I'll do a sad one. And a bit confused. Can I do two faces?

Interviewer: You can do as many as you like. Can you tell me about the sad face?

Ellie: Because he's sad and cross a lot. Not all the time. He used to do funny voices when he read to me when I was little. Now he comes home and it's all quiet, and then sometimes it's loud.

Interviewer: What happens when it's loud?

Ellie: Him and Mum shout. Mostly him. I go upstairs and put my headphones on and turn them up really high. Sometimes I put my duvet over my head as well.

Interviewer: That sounds like a clever way to look after yourself. What's the confused face about?

Ellie: Because I don't know why he gets cross. Sometimes it's about money and sometimes it's about nothing. I thought maybe it was me, because I cost money. Like trainers.

Interviewer: Thank you for telling me that. Lots of children think it might be their fault, and it isn't. The grown-ups are in charge of how they behave.

Ellie: Sam said that too.

Interviewer: Here's a ladder. The bottom is really not safe, and the top is really, really safe. Where would you put yourself at home right now?

Ellie: Here. Number two. Not one, because Mum's there and she makes it better.

Interviewer: Is there anywhere you feel higher up the ladder?

Ellie: At Auntie Gemma's. And at school, except when I'm thinking about home. Mrs Okafor asked me if I was OK because I jumped when someone dropped a book.

Interviewer: Do you know why your dad goes to a group on Tuesdays?

Ellie: Mum said it's to help him not get so cross. I don't know if it will work. He said it's stupid.

Interviewer: What would you like to be different?

Ellie: I want him to do the funny voices again. And I want to go to the park with him without being worried he'll get in a mood. And I want Mum to go to Auntie Gemma's more, because she's happy when she comes back.

Interviewer: If you had a magic wand, what would home be like?

Ellie: Everyone would be at the table for tea and nobody would be cross. And we'd have a dog. A small one.

Interviewer: Is there anything you want to say that I haven't asked?

Ellie: Will you tell him what I said?

Interviewer: No. What you tell me stays private, unless I'm worried someone isn't safe, and then I'd talk to Sam first and tell you. Is that OK?

Ellie: OK. Can I finish my fox now?

Interviewer: Yes. Thank you, Ellie.`;

const ELLIE_T2 = `Interviewer: Hi Ellie, it's nice to see you again. Sam's here again too. Same rules as before: you can say pass, and you can stop whenever you like.

Ellie: OK. I brought my comic. The fox has got a dog working in the café now.

Interviewer: I'd love to see it after. Do you remember the faces from last time? Could you draw how you feel about your dad now?

Ellie: A happy one. And… a bit of a wobbly one as well, just small, in the corner.

Interviewer: Tell me about the happy face first.

Ellie: We go to the park on Saturdays. Just me and Dad. We play football and he's rubbish in goal. Sometimes we take cards and play snap on the bench, and I always win because he's slow. Last week we got chips after.

Interviewer: That sounds really fun. What's different about going to the park now?

Ellie: Before, I was always watching to see if he was getting in a mood. Now I don't really watch. I just play.

Interviewer: And the wobbly face?

Ellie: Just sometimes. If he's tired and he goes quiet, I get a funny feeling in my tummy. But then he usually says "I'm going for a walk, back at eight," and he comes back at eight and he's normal. He told me the walks are so he doesn't shout. He said the shouting was never my fault.

Interviewer: How did it feel when he said that?

Ellie: Good. Weird, but good. I said OK. I didn't know what else to say.

Interviewer: Here's the ladder again. Where would you put yourself at home now?

Ellie: Nine. Not ten, because of the wobbly bit. But nine is nearly the top.

Interviewer: Nine is really high. Last time you put two. What do you think made it go up?

Ellie: There's no loud nights any more. Mum goes to college on Thursdays, and to Auntie Gemma's. Mum laughs more. And I don't need my headphones on loud. I just use them for music now.

Interviewer: How's school?

Ellie: Better. Mrs Okafor put my fox comic on the wall. I don't jump as much.

Interviewer: Has anything changed about tea time?

Ellie: We all sit at the table now. Dad asks Mum what she wants to do at the weekend, and she actually says. Last week Dad did a funny voice for the fox in my comic. It was quite bad but I laughed.

Interviewer: Do you know that your dad's group is finishing soon?

Ellie: Yeah. Mum told me. I'm a bit worried it'll go back to before. Sam said if I'm worried I can tell her, or tell Mum. I think I'd tell Mum.

Interviewer: That sounds like a good plan. If you could tell the people who run your dad's group one thing, what would it be?

Ellie: Thank you. And maybe keep checking on him. Like a teacher checks your homework.

Interviewer: That's a great idea. Is there anything else you'd like to say?

Ellie: Can I show you the dog in the café now?

Interviewer: Yes, please. Thank you, Ellie.`;

const MARCUS_T1 = `Interviewer: Thanks for talking to me, Marcus. This is the first of two interviews. How did you come to the programme?

Marcus: My solicitor. I'm trying to get proper contact with my boys and the family court wanted a report. Apparently this is how you get one. I'll be honest, I think I'm here because Priya wanted to make a point.

Interviewer: What do you mean by making a point?

Marcus: She's painted me as this monster. We split up nearly a year ago. There were arguments, yeah, loads, both ways. She knew how to press every button I've got. Now I see the lads for two hours on a Sunday in a contact centre with someone watching me like I'm going to run off with them.

Interviewer: Can you tell me about what happened in the relationship?

Marcus: I had a temper. Have. I'd shout, I'd break stuff, I'd go through her phone sometimes because she was always on it and she'd never tell me who she was talking to. Any bloke would. But I never laid a finger on her, apart from moving her out of the doorway when she was blocking me.

Interviewer: How have things been since you separated?

Marcus: I message her about the boys. She says it's harassment. It's not harassment, it's me being a dad. If she answered the first time I wouldn't need to send ten.

Interviewer: What does it mean to you to be a man?

Marcus: Being strong, I suppose. Being the one people lean on. I was the one earning, I was the one who sorted everything. She'd never have got that flat without me. And now I'm the one treated like a criminal.

Interviewer: Do you think men and women are equal?

Marcus: Honestly, it's gone the other way now. Women get everything. The courts, the police, all of it. Equality happened years ago, and now it's blokes who get stitched up.

Interviewer: How are your sons, do you think?

Marcus: They're six and nine. The older one, Jay, goes quiet at contact. I think his mum's been talking to him about me. The little one just wants to play. They miss me. I know they do.

Interviewer: Have you thought about how the arguments might have affected them?

Marcus: They were in bed mostly. Kids are resilient. They're not bothered about what happened between me and her. They want their dad.

Interviewer: How have the first sessions been?

Marcus: Long. Two and a half hours on a Wednesday night. There's a lot of talking about feelings. The facilitators are decent enough, I'll give them that, they don't talk down to you. But some of the other lads just agree with everything to get their certificate. I'm not like that. I say what I think.

Interviewer: Has anything in the group made you think?

Marcus: There was a thing with a wheel, all the different kinds of abuse round the outside. Checking phones was on it. I said that's just normal in a relationship, and a couple of the lads laughed, not nasty, more like they used to think that too. Didn't change my mind, but I noticed it.

Interviewer: Have you had any one-to-one sessions?

Marcus: Two, before I started group. She asked a lot of questions about my dad and my last relationship. I didn't see what that had to do with anything. I gave short answers, mostly.

Interviewer: What are you hoping for from the programme?

Marcus: A good report. More time with my boys. Maybe not losing it as much, because my temper's cost me. I can admit that much.

Interviewer: Thanks, Marcus. We'll talk again towards the end.`;

const MARCUS_T2 = `Interviewer: Good to see you again, Marcus. How have the last few months gone?

Marcus: Up and down. Mostly up, until about a month ago. Then I had a bad patch.

Interviewer: Can you tell me about the bad patch?

Marcus: The contact got moved. Priya changed a Sunday for a school thing and told me with a day's notice, and I just went. I sent her a load of messages that night. Maybe twenty. Some of them weren't nice. I know that. I brought it to group the week after, because I knew the women's worker would hear about it anyway.

Interviewer: How did the group respond?

Marcus: They didn't let me off. I started with my version, that she'd done it on purpose, and one of the older lads, he's been through the same courts, he said, "You're telling us what she did. Tell us what you did." I sat there for ages. Eventually I read out some of what I'd sent. Out loud. That was the worst ten minutes I've had on the course, and probably the most useful.

Interviewer: Last time you told me the messages weren't harassment. How do you see them now?

Marcus: Some of them were. Twenty messages in a night is… yeah. It's me trying to get my own way by wearing her down. I still think she could've told me sooner. But that doesn't make the twenty OK. I'm getting there with that. Slowly.

Interviewer: Before the bad patch, what was going well?

Marcus: I'd got the counting thing down. Sounds daft, counting to ten, but I'd do it with my hand in my pocket at contact when Jay was being off with me, and by the time I got to ten I'd stopped wanting to say something sarcastic. And I'd stopped going through her Facebook, which I used to do every night. Deleted the app.

Interviewer: How are things with your sons?

Marcus: Contact's still at the centre. I'd hoped it would have moved on by now. Jay's talking to me a bit more. He told me about his football team. I used to make every visit about me – how much I missed them, how unfair it all was. The facilitator in my one-to-one said, "Who's that for?" and I didn't have an answer. Now I try to ask them about their week and just listen.

Interviewer: I'd like to go back to something you said in our first interview, about equality having gone the other way, and women getting everything.

Do you still see it that way, or has anything shifted for you?

Marcus: Bits have. I still think the courts are hard on dads, I won't pretend I don't. But I can see I thought being the earner meant I got to decide everything, including who she talked to. That's not equality, is it. That's me being in charge and calling it looking after her.

Interviewer: Was there a moment when things clicked?

Marcus: Not really. People want you to say there was a day you woke up different. It's more like learning to drive. You stall loads. I stalled last month. I'm still in the car, though.

Interviewer: How do you feel about the programme ending?

Marcus: Nervous, if I'm honest. The group's kept me in check. Every Wednesday I know I've got to sit in that room and account for my week. Without that, I don't know. They've said I can do a follow-up group, so I probably will.

Interviewer: Is there anything you'd want to say to Priya, if she were here?

Marcus: That I'm sorry about the messages. Properly sorry, not sorry-but. I don't know if she'd believe it, and I wouldn't blame her.

Interviewer: Thanks for being so honest, Marcus.`;

const PRIYA_T1 = `Interviewer: Thank you for talking to me, Priya. You can stop or skip any question. How are things at the moment?

Priya: Tiring. We separated last autumn. I thought the separation would be the end of it, but in some ways it's just moved. Now it comes through my phone instead of through the door.

Interviewer: What comes through your phone?

Priya: Messages. About the boys, supposedly. "What time is Jay's match", fine. Then "why aren't you answering", "who are you with", "you're turning them against me". If I don't reply within ten minutes there'll be fifteen more. I've started putting my phone in a drawer in the evening. Then I lie awake wondering what's in it.

Interviewer: How did things used to be when you lived together?

Priya: He checked everything. My phone, my bank, who I'd talked to at the school gate. I didn't go to my cousin's wedding because it wasn't worth the week of questions afterwards. I stopped wearing a yellow dress I loved because he said it made me look like I wanted attention. Little things. Except they add up until there's not much of you left.

Interviewer: Did you feel safe?

Priya: Not really. He broke things — the TV remote, a chair once. He'd stand in the doorway so I couldn't leave the room. It sounds like nothing when you say it, but I used to plan which room to be in.

Interviewer: How are the boys?

Priya: Jay is nine, he notices everything. He asks me if Daddy is cross before contact. Sami is six, he just wants to see his dad. I want them to have a dad. I just want it to be a safe one.

Interviewer: How do you feel about Marcus being on the programme?

Priya: Mixed. Part of me thinks he's doing it for the court report. He told the boys "Mummy's making me go to school," which isn't true and isn't fair on them. But another part of me thinks, if anything could reach him, maybe a room full of men who've done the same might.

Interviewer: Have you been in touch with the women's support service?

Priya: Yes. Their worker rang me and she was very kind. She explained I didn't have to share anything with Marcus and that what I told her wouldn't go back to him unless there was a risk to the children. That made a big difference, because I've had professionals before who just wanted us to "communicate better".

Interviewer: What does it mean to you to be a woman?

Priya: Nobody has asked me that before. My grandmother used to say धीरे धीरे, slowly slowly, about everything. Be patient, be quiet, things will come. I think I learned to be patient with things I shouldn't have been patient with.

Interviewer: And do you think men and women are equal now?

Priya: At work, maybe, mostly. At home it depends who you're with. With Marcus, he decided and I adjusted. I was very good at adjusting.

Interviewer: What would you like to be different by the end of his programme?

Priya: For the messages to stop. For my phone to just be a phone. For Jay not to ask me if his dad is cross. And I'd like to go back to work. I was a pharmacy assistant before Sami. I'd like that back.

Interviewer: Thank you, Priya.`;

const PRIYA_T2 = `Interviewer: Thank you for seeing me again, Priya. How have things been since we last spoke?

Priya: Quieter, mostly. For a long stretch the messages were just about the boys. Pick-up times, Jay's kit. Short. I almost didn't trust it.

Interviewer: You said "mostly".

Priya: About a month ago I had to move a contact Sunday for Sami's school assembly. I told him the day before, because I only found out that week. That night he sent maybe twenty messages. Some were angry, some were pleading, one called me a liar. It was like being thrown back a year. I didn't sleep.

Interviewer: What happened after that?

Priya: The next week the messages stopped completely. Then there was one, a few days later, that said he was sorry and he'd talked about it in his group. No "but". I didn't reply. I don't know yet what I think. It's the first apology I've had from him that wasn't really about him.

Interviewer: How do you feel about your own safety now?

Priya: Safer than before. Not safe-safe. If you gave me a scale I'd say six out of ten, and a year ago I'd have said two. I still keep my phone in the drawer some evenings, but now that's because I'm watching a film, not hiding.

Interviewer: Has anything changed in your own life?

Priya: I went back to work. Three days a week at a pharmacy on the high street. The first morning I nearly turned round at the door. I'd forgotten I was good at something. I went to my cousin's birthday meal last month, the same cousin whose wedding I missed. I wore yellow. Nobody commented, and that was the point.

Interviewer: Do you think those changes come from him, or from you?

Priya: Mostly me, if I'm honest. Him being quieter gives me room, but I'm the one who filled it. I'm not going to hand him the credit for my job.

Interviewer: How are the boys?

Priya: Jay's more relaxed about contact. He came back last time saying his dad had asked about his football, and actually listened. That's new. Sami's the same as ever, happy. I still watch Jay's face on Sunday evenings. If something's wrong, that's where I'll see it first.

Interviewer: How has the women's support service been?

Priya: Good, but thin. My worker is lovely, but she's clearly stretched. Sometimes a month goes by. When Marcus had that bad night I rang and got a voicemail, and she called back two days later. She was apologetic. It's not her fault. But two days is a long time when your phone won't stop buzzing.

Interviewer: Has anything changed in how you and Marcus talk about the boys?

Priya: A little. He asked me last week whether Sami should start swimming lessons, and when I said not this term, he said fine. Just fine. A year ago that would have been an evening of messages.

Interviewer: Is there anything you'd want to say about the programme?

Priya: Don't let them finish and think that's it. He's better, I think, but it's slow, and he slipped. धीरे धीरे, like my grandmother said. Only this time I'm not the one who has to be patient for free.

Interviewer: Thank you, Priya.`;

const RUTH_T1 = `Interviewer: Thanks for making time, Ruth. Could you start by describing your role?

Ruth: I'm one of the group facilitators. I co-run the Tuesday group in Northbridge and the Wednesday group in Eastmoor, and I do one-to-one assessment sessions before men join. I've been here about six years; before that I worked in probation.

Interviewer: What happens before a man starts group?

Ruth: Several assessment sessions, one-to-one. We're looking at whether he's suitable, whether anything makes group unsafe, and we start getting a picture of the abuse in his own words. At the same time, and this is non-negotiable, the women's service contacts his partner or ex-partner. Her account matters more than his when it comes to risk.

Interviewer: How do men tend to present at the start?

Ruth: Usually with a story in which they're the reasonable one. "It was only shouting." "She winds me up." "I'm a good provider." A lot of it is about what they think they're entitled to as the man of the house. They're not lying exactly, they've just never looked at it from any other angle. We don't argue them out of it in week one. We let the group do a lot of that work over time.

Interviewer: Can you say more about why group work?

Ruth: Because men hear things from each other that they can't hear from me. If I challenge a man on checking his partner's phone, I'm a professional with an agenda. If a man who's been in his shoes says "I did that, and here's what it did to my wife," it lands differently. Peers holding each other to account is the engine of it. Our job is to keep the room safe enough for that to happen, and to stop it turning into a moan about the courts.

Interviewer: Does that happen?

Ruth: Every new group. There's a week or two where the men bond over how unfair everything is. You have to interrupt that without shaming them, because shame tends to shut men down rather than open them up.

Interviewer: What techniques do you teach early on?

Ruth: Time Out is the first. We're very clear it isn't an escape hatch for avoiding a conversation – you tell her you're going, for how long, and you come back and you talk. We also do counting, breathing, and what we call positive self-talk, replacing "she's doing this to get at me" with something less inflammatory. They're tools to interrupt the pattern, not the whole answer.

Interviewer: How is the women's service resourced?

Ruth: Honestly, badly. We've got one and a half women's workers for about sixty women across Northbridge and Eastmoor. Money for men's groups comes through more easily, because commissioners see the men as the problem to fix. But the women's service is what makes the men's work safe. Without it we'd only have his word for how things are going.

Interviewer: Do you have any concerns going into this programme cycle?

Ruth: Funding, always. And we've got a lot of family court referrals this time. Those men often come with one goal, a report, and the risk is they learn the language without the change. We watch for that. The women's accounts are how we catch it.

Interviewer: Is there anything else you'd like to add?

Ruth: We've just had our leaflets for women translated. The Polish one says Wsparcie dla kobiet doświadczających przemocy on the front, and the Urdu one says خواتین کے لیے مدد – both roughly "support for women". Small thing, but it took two years to find the money for it.

Interviewer: Thank you, Ruth.`;

const RUTH_T2 = `Interviewer: Thanks for meeting again, Ruth. The groups are nearly finished. How has this cycle gone?

Ruth: Better than I feared. Across the two groups we started with nineteen men and we'll finish with fourteen. Of those, I'd say most have made some real steps, a couple have made big ones, and one or two are hanging on by their fingernails.

Interviewer: What does a real step look like to you?

Ruth: It's when the story changes shape. At the start it's "she" all the way through. Later you start hearing "I". "I frightened her." "I checked the statements because I wanted to be in charge." The women's accounts have to match, though. If he's talking a good game in group and she's telling our women's worker nothing has changed, we believe her.

Interviewer: How have the group dynamics been?

Ruth: There was a turning point around week ten. One man came in after a bad week – a lot of abusive messages to his ex-partner after a change to contact. He started off justifying it, and a longer-serving member asked him, very plainly, to say what he had done rather than what she had done. It took a long time. But he did, and you could feel the room shift. Other men started bringing their own slips instead of hiding them.

Interviewer: Is that kind of challenge ever too much?

Ruth: It can be. It has to come from a place of "we've all been there", not point-scoring. Men have to dare to be vulnerable in front of other men, which for a lot of them is the most frightening thing we ask. Some have never cried in front of anyone. If the challenge becomes humiliation, they close up. That's where we step in.

Interviewer: How do you think about programme integrity?

Ruth: I'd call it service integrity. People imagine it means sticking to the manual session by session. For me it doesn't. It means staying true to the principles: women's and children's safety first, men's accountability, no collusion. Sometimes that means abandoning the planned session because someone's had a crisis. What keeps us honest is supervision, case management meetings, and regularly checking what the women are telling us against what the men are telling us.

Interviewer: And the women's service?

Ruth: We lost part of a post in the spring. Our women's workers have gone from fortnightly calls to monthly for most women. I know some women have felt that. One rang during a difficult night and got voicemail. That's not acceptable, but it's where we are. We're bidding for new money, but the women's side is always the hardest to fund.

Interviewer: What about children?

Ruth: We've got a children's worker two days a week now, which is new. It's changed how the men talk about their kids. It's harder to say "they didn't hear anything" when you know someone is sitting with your daughter asking her what she heard.

Interviewer: Have you seen men change as fathers?

Ruth: Some. The ones who do best stop treating time with their children as something owed to them and start asking what the children need. Going to the park and actually playing, rather than checking their phone or talking about the court case.

Interviewer: What happens when the groups end?

Ruth: We offer a monthly follow-up group, and the women's service stays open to partners for a while. Change doesn't stop at week twenty-six. For some of these men it's barely started.

Interviewer: Thank you, Ruth.`;

export const SAMPLE_TRANSCRIPTS: SampleTranscript[] = [
  { fileName: 'Dale_T1.txt', participantKey: 'dale', wave: 'T1', text: DALE_T1 },
  { fileName: 'Dale_T2.txt', participantKey: 'dale', wave: 'T2', text: DALE_T2 },
  { fileName: 'Leanne_T1.txt', participantKey: 'leanne', wave: 'T1', text: LEANNE_T1 },
  { fileName: 'Leanne_T2.txt', participantKey: 'leanne', wave: 'T2', text: LEANNE_T2 },
  { fileName: 'Ellie_T1.txt', participantKey: 'ellie', wave: 'T1', text: ELLIE_T1 },
  { fileName: 'Ellie_T2.txt', participantKey: 'ellie', wave: 'T2', text: ELLIE_T2 },
  { fileName: 'Marcus_T1.txt', participantKey: 'marcus', wave: 'T1', text: MARCUS_T1 },
  { fileName: 'Marcus_T2.txt', participantKey: 'marcus', wave: 'T2', text: MARCUS_T2 },
  { fileName: 'Priya_T1.txt', participantKey: 'priya', wave: 'T1', text: PRIYA_T1 },
  { fileName: 'Priya_T2.txt', participantKey: 'priya', wave: 'T2', text: PRIYA_T2 },
  { fileName: 'Ruth_T1.txt', participantKey: 'ruth', wave: 'T1', text: RUTH_T1 },
  { fileName: 'Ruth_T2.txt', participantKey: 'ruth', wave: 'T2', text: RUTH_T2 },
];
