# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "intro", "schema_version": 3}
# # Module 10 · Who decides?
#
# *About 45 minutes.*
#
# An AI can give advice, but someone has to decide, and someone has to answer for the decision.
# In this module you test, on yourself, when following an AI is a good idea and when it is not,
# and whether an AI that *explains* its advice makes you a better judge of it or just makes you
# follow it more. Then you look at who keeps the final judgement and the responsibility, and at
# two questions Japan's AI Basic Plan leaves open: who is liable when an AI-assisted decision
# harms someone, and who owns what an AI makes from other people's work.
#
# **By the end of this module you can**
# 1. say when following an AI's advice is appropriate and when keeping your own answer is;
# 2. compare your accuracy with the AI's help against the AI alone and you alone (complementary team performance);
# 3. test a claim about AI explanations against your own figures, keeping undefined measures undefined;
# 4. explain why a person keeps the final judgement and the responsibility for a decision made with an AI, and state the questions of liability and copyright that AI raises.
#
# **What you will do**
# 1. Sort four decisions into good and bad reliance (a short question).
# 2. Predict what the AI's explanations will do for you, then read ten handwritten digits with an
#    AI that explains its advice (about 12 minutes).
# 3. Work out from your own answers whether you and the AI together beat each of you alone, and
#    check a claim about explanations against your figures.
# 4. Read what Japan's guideline for schools says about who decides, and think about liability
#    and copyright.
# 5. Write a short rule for a public servant who uses an AI. Your teacher reads it.
#
# Exercises 1 and 3 to 6 are checked by a computer when your teacher grades this notebook;
# Exercise 2 counts only that you finish the trial.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "part1", "schema_version": 3}
# ## Part 1 · When to follow, and when to keep your answer
#
# Japan's AI Basic Plan, approved by the Cabinet in December 2025 under the AI Promotion Act of
# May 2025, wants AI to be used widely, and also names the risk that people rely on it too
# much [1]. So the question is not "should I use AI?" but "when should I follow it?".
#
# Lee and See, two researchers of how people work with machines, argue that trust in a machine
# should be *calibrated*: matched to what the machine can really do, neither more nor less [2].
# Trusting it more than it deserves leads people to lean on it when they should not; trusting it
# less leads them to ignore it when it would have helped. Both are mistakes.
#
# **Appropriate reliance** means following the AI when it is right and you are not, and keeping
# your own answer when you are right and it is not [3]. Look at the four situations:
#
# | your first answer | the AI's advice | the good move |
# |---|---|---|
# | right | right | either: you agree |
# | wrong | right | switch to the AI |
# | right | wrong | keep your own answer |
# | wrong | wrong | neither helps: only a check somewhere else would |
#
# You met the two measures of this in module 0 [3]:
#
# - **RAIR** (relative AI reliance): of the cases where the AI was right and you were first
#   wrong, how often you switched to the AI.
# - **RSR** (relative self-reliance): of the cases where you were first right and the AI was
#   wrong, how often you kept your answer.
#
# When a measure has no case to count (say the AI was never right when you were wrong), it is
# **undefined**: there is nothing to measure, which is not the same as 0%.
#
# ### Exercise 1 · Good and bad reliance (2 points)
#
# Which of these decisions show appropriate reliance? Pick every one that does.
#
# - **a.** Mei first reads an 8. The AI says 3, and the digit is a 3. Mei switches to 3.
# - **b.** Ken first reads a 4, which is right. The AI says 9 and is 90% sure. Ken switches to 9.
# - **c.** Sara first reads a 1, which is right. The AI says 7. Sara looks at the image again and
#   keeps 1.
# - **d.** Yuto first reads a 6, which is wrong. The AI says 5, which is right. Yuto keeps 6,
#   because he never changes his mind.
#
# Answer with letters as text, such as `"a"` or `"a, b"`.

# %% nbgrader={"grade": false, "grade_id": "ex1-appropriate", "locked": false, "solution": true, "schema_version": 3}
appropriate = ...  # your answer: letters as text, such as "a, b"
### BEGIN SOLUTION
appropriate = "a, c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex1-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Checks the form only: is appropriate a choice among the letters a to d? (Its points are given
# at grading, with partial credit for a partly right set.)
from thinktwice.autograder import checks

checks.letters(appropriate, "appropriate", options="abcd")
### BEGIN HIDDEN TESTS
checks.choice(
    appropriate,
    {"a", "c"},
    points=2,
    hints={
        "a": "Look again at the row where you were wrong and the AI right: what is the good move?",
        "b": "Look again at the row where you were right and the AI wrong: does being sure make the AI right?",
        "c": "Look again at the row where you were right and the AI wrong: what is the good move?",
        "d": "Look again at the row where you were wrong and the AI right: is never changing your mind a good rule?",
    },
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "part2", "schema_version": 3}
# ## Part 2 · An AI that explains itself
#
# In this trial the AI does not just give its answer. It also gives an **explanation**: a reason
# for its answer that you can look at. Here the explanation has two parts:
#
# - its **top three guesses**, with how likely it thinks each one is;
# - a **heat map** of the image: blue squares are ink that pushed the AI *towards* its answer,
#   orange squares ink that pushed it *away*. Triangles mark the strongest pushes (▲ towards,
#   ▼ away), and a black line outlines the ink.
#
# The AI is the one from module 0: a logistic regression, a simple kind of machine-learning
# model, that learnt from 240 digits of the scikit-learn digits data [7]. Its explanation is
# honest about how it works: each square's push is the square's ink times a number the model
# learnt for that square during its training.
#
# As in module 0, you lock in your own answer before you see the AI's, and then give your final
# answer. Deciding first is a "cognitive forcing" design, shown to reduce over-reliance on AI [8].
# There are ten cases, and the AI is wrong on some of them.
#
# Your **team accuracy** is how many of your *final* answers are right: you and the AI working
# as a team. The team shows **complementary performance** when it beats both the AI alone and
# you alone (your first answers) [4].
#
# ### Predict first
#
# Before you start, write down what you expect. These predictions are not graded: they are for
# you to compare with what happens.

# %% nbgrader={"grade": false, "grade_id": "predict", "locked": false, "solution": true, "schema_version": 3}
predict_team_beats_both = ...  # True or False: will your final answers beat you alone AND the AI alone?
predict_followed_share = ...  # a number from 0 to 1: the share of the AI's mistakes you will follow
### BEGIN SOLUTION
predict_team_beats_both = True
predict_followed_share = 0
### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "trial-text", "schema_version": 3}
# ### The trial
#
# Run the next cell and answer all ten cases. For each case: pick the digit you see and say how
# sure you are, press **Lock in my answer**, read the AI's advice and its explanation, then give
# your final answer. Keep yours or switch; both are allowed. Your cases are your own, and your
# answers are saved as you go, so you can stop and come back.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "trial", "schema_version": 3}
from thinktwice.widgets import RelianceTrial

trial = RelianceTrial(form="A", explanations=True, n_cases=10, ai_wrong=3)
trial.view()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex2-text", "schema_version": 3}
# ### Exercise 2 · Complete the trial (2 points)
#
# You earn these points for finishing all ten cases, not for agreeing with the AI or for being
# right. The check below reads your saved answers and says how many cases you have completed.

# %% nbgrader={"grade": true, "grade_id": "ex2-trial-completed", "locked": true, "points": 2, "solution": false, "schema_version": 3}
checks.activity_score(
    RelianceTrial(form="A", explanations=True, n_cases=10, ai_wrong=3), points=2, by="completion"
)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "review-text", "schema_version": 3}
# ## Part 3 · Did the team beat its parts?
#
# Run the next cell once you have finished. It shows each of your cases again with the right
# digit (the AI's mistakes are marked ✘ and shaded), reads your figures out in sentences, and
# lists them in a table. These numbers describe you; they are not graded.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "review", "schema_version": 3}
trial.report()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex3-text", "schema_version": 3}
# ### Exercise 3 · The team's gain (3 points)
#
# `trial.records()` is the list of your completed cases. Each record has the fields `first` (your
# first answer), `ai` (the AI's advice), `final` (your final answer) and `truth` (the right
# digit). `Trial(first=3, ai=5, final=5, truth=5)` is one made-up case: the learner first said 3,
# the AI advised 5, the learner's final answer was 5, and the digit was 5. (The fields come in
# that order, so `Trial(3, 5, 5, 5)` is the same.)
#
# Write `team_gain(records)`: the team's accuracy (the share of final answers that are right)
# minus the **better** of two accuracies: the AI's (the share of its advice that is right) and the
# learner's alone (the share of first answers that are right). Above 0, the team beat both; 0 or
# below, it did not. With no records at all, nothing can be measured: return `None`.
#
# The test cell tries your function on made-up records. The two examples you see: in the first,
# the team is exactly as good as the AI, which beat the learner, so the gain is 0; in the second,
# the team is right on all three cases while the AI and the learner were each right on two, so
# the gain is 1/3. More examples are checked at grading.

# %% nbgrader={"grade": false, "grade_id": "ex3-team-gain", "locked": false, "solution": true, "schema_version": 3}
def team_gain(records):
    """Team accuracy minus the better of AI-alone and learner-alone accuracy; None if no records."""
    ### BEGIN SOLUTION
    if not records:
        return None
    n = len(records)
    team = sum(r.final == r.truth for r in records) / n
    ai = sum(r.ai == r.truth for r in records) / n
    alone = sum(r.first == r.truth for r in records) / n
    return team - max(ai, alone)
    ### END SOLUTION
    return ...  # replace ... with your answer

# %% nbgrader={"grade": true, "grade_id": "ex3-test", "locked": true, "points": 3, "solution": false, "schema_version": 3}
from thinktwice.widgets.measures import Trial

_cases = [
    checks.Case(
        ([Trial(3, 5, 5, 5), Trial(2, 2, 2, 2)],),
        0.0,
        hint="Look again at the definition: compare the team with the better of the AI alone "
        "and you alone.",
        what="the team only as good as the AI, which beat the learner",
    ),
    checks.Case(
        ([Trial(4, 9, 4, 4), Trial(1, 1, 1, 1), Trial(7, 1, 1, 1)],),
        1 / 3,
        what="the team right on all three, the AI and the learner on two each",
    ),
]
### BEGIN HIDDEN TESTS
_cases += [
    checks.Case(([],), None, hint="What should the gain be when there are no records?", hidden=True),
    checks.Case(
        ([Trial(6, 0, 0, 6), Trial(0, 8, 0, 0)],),
        -0.5,
        hint="The gain can be below zero: what if following the AI made the team worse than the "
        "learner alone?",
        hidden=True,
    ),
    checks.Case(
        ([Trial(1, 7, 1, 7), Trial(2, 2, 2, 2), Trial(3, 3, 3, 3)],),
        -1 / 3,
        hint="Look again at the definition: compare the team with the better of the AI alone "
        "and you alone.",
        hidden=True,
    ),
]
### END HIDDEN TESTS
checks.score_function(team_gain, _cases, points=3)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "own-gain-text", "schema_version": 3}
# Now use your function on your own cases, and compare with what you predicted before the trial.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "own-gain", "schema_version": 3}
_gain = team_gain(trial.records())
if _gain is ...:
    print("Write team_gain in Exercise 3 first, then run this cell again.")
elif _gain is None:
    print("You have no completed cases yet, so your team gain is undefined.")
else:
    print(f"Your team gain: {_gain:+.2f}.")
    print("Your team beat both you alone and the AI alone:", _gain > 0)
if predict_team_beats_both is ...:
    print("You left this prediction blank in Part 2.")
else:
    print("You predicted that it would:", predict_team_beats_both)
print("Of the AI's mistakes, you followed:", trial.summary().over_reliance)
if predict_followed_share is ...:
    print("You left this prediction blank in Part 2.")
else:
    print("You predicted that you would follow this share:", predict_followed_share)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex4-text", "schema_version": 3}
# ### Exercise 4 · What the advice did to your answers (2 points)
#
# Your final answer can differ from your first answer in two ways that matter. Count them in your
# own records:
#
# - `helped`: the number of your cases where your first answer was **wrong** and your final
#   answer **right** (the advice fixed a mistake of yours);
# - `harmed`: the number of your cases where your first answer was **right** and your final
#   answer **wrong** (the advice talked you out of a right answer).
#
# Your team accuracy minus your accuracy alone is exactly `(helped - harmed)` divided by the
# number of cases. The test cell checks that each count is a whole number from 0 to 10; at grading
# both are compared with your own saved answers.

# %% nbgrader={"grade": false, "grade_id": "ex4-helped-harmed", "locked": false, "solution": true, "schema_version": 3}
records = trial.records()
helped = ...  # your answer: a whole number
harmed = ...  # your answer: a whole number
### BEGIN SOLUTION
helped = sum(r.first != r.truth and r.final == r.truth for r in records)
harmed = sum(r.first == r.truth and r.final != r.truth for r in records)
### END SOLUTION
print("helped:", helped, " harmed:", harmed)

# %% nbgrader={"grade": true, "grade_id": "ex4-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Checks the form only: are helped and harmed numbers from 0 to 10? (Their points are given at
# grading, one each.)
checks.number_between(helped, "helped", 0, 10)
checks.number_between(harmed, "harmed", 0, 10)
### BEGIN HIDDEN TESTS
from thinktwice.autograder.score import Score

_mine = RelianceTrial(form="A", explanations=True, n_cases=10, ai_wrong=3).start().records()
_parts = [checks.close_to(
    helped,
    sum(r.first != r.truth and r.final == r.truth for r in _mine),
    points=1,
    hint="Look again at your review table: count the cases whose first answer is marked wrong "
    "and whose final answer is marked right.",
), checks.close_to(
    harmed,
    sum(r.first == r.truth and r.final != r.truth for r in _mine),
    points=1,
    hint="Look again at your review table: count the cases whose first answer is marked right "
    "and whose final answer is marked wrong.",
)]
Score(sum(part.points for part in _parts), 2)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "claim-text", "schema_version": 3}
# ## Part 4 · Verify or break a claim
#
# A company selling an AI tool says: **"With an explanation, people catch the AI's mistakes."**
#
# Here is what a study found. Bansal and colleagues asked people to solve tasks (such as deciding
# whether a review is positive or negative) with the help of an AI about as accurate as the people
# were, sometimes with explanations and sometimes without [4]. With the AI's help, the teams did
# better than either the people or the AI alone. But explanations did **not** make the teams any
# better than that. What explanations did was make people more likely to accept the AI's advice,
# **whether the advice was right or wrong** [4].
#
# One study is not the last word, and your ten cases are not a study. But you can test the claim
# on yourself.
#
# ### Exercise 5 · Test the claim on your own figures (2 points)
#
# 1. Set `caught_share` to the share of the AI's mistakes, in your cases, where your final answer
#    was **not** the AI's advice (you caught the mistake). If the AI made no mistake in your
#    cases, there is nothing to measure: set it to `None`, not 0 or 1.
# 2. Set `claim_verdict` to the letter that fits your figures:
#    - **a.** My figures prove that explanations make people catch the AI's mistakes.
#    - **b.** My figures break the claim: at least once I followed the AI's wrong advice, although
#      it came with an explanation.
#    - **c.** My figures do not break the claim, since I caught every mistake; but they cannot
#      prove it either.
#    - **d.** I cannot test the claim: the AI made no mistake in my cases.
#
# The test cell checks the form of both answers; at grading both are compared with your own
# saved answers.

# %% nbgrader={"grade": false, "grade_id": "ex5-claim", "locked": false, "solution": true, "schema_version": 3}
caught_share = ...  # your answer: a number from 0 to 1, or None
claim_verdict = ...  # your answer: one letter as text, such as "a"
### BEGIN SOLUTION
_ai_wrong = [r for r in trial.records() if r.ai != r.truth]
caught_share = (
    sum(r.final != r.ai for r in _ai_wrong) / len(_ai_wrong) if _ai_wrong else None
)
if caught_share is None:
    claim_verdict = "d"
elif caught_share < 1:
    claim_verdict = "b"
else:
    claim_verdict = "c"
### END SOLUTION
print("caught_share:", caught_share, " claim_verdict:", claim_verdict)

# %% nbgrader={"grade": true, "grade_id": "ex5-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Checks the form only: is caught_share a number from 0 to 1 (or None, where the AI made no
# mistake), and is claim_verdict one of the letters a to d? (Points are given at grading.)
if caught_share is not None:
    checks.number_between(caught_share, "caught_share", 0, 1)
checks.letters(claim_verdict, "claim_verdict", options="abcd")
### BEGIN HIDDEN TESTS
_wrong_advice = [
    r
    for r in RelianceTrial(form="A", explanations=True, n_cases=10, ai_wrong=3).start().records()
    if r.ai != r.truth
]
_caught = (
    sum(r.final != r.ai for r in _wrong_advice) / len(_wrong_advice) if _wrong_advice else None
)
from thinktwice.autograder.score import Score

_parts = [checks.close_to(
    caught_share,
    _caught,
    points=1,
    hint="Look again at your review table: take only the cases where the AI's advice is marked "
    "wrong, and count those where your final answer is not the AI's.",
)]
_verdict = "d" if _caught is None else ("b" if _caught < 1 else "c")
_parts.append(checks.choice(
    claim_verdict,
    _verdict,
    points=1,
    hints={
        "a": "Can ten cases of one person, with no trial without explanations to compare, prove "
        "what explanations do for people?",
        "b": "Look again at your caught_share: did you really follow one of the AI's mistakes?",
        "c": "Look again at your caught_share: did you catch every one of the AI's mistakes?",
        "d": "Look again at your review table: was the AI really never wrong?",
    },
))
Score(sum(part.points for part in _parts), 2)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "m00-text", "schema_version": 3}
# ### With and without explanations
#
# In module 0 you did the same kind of trial without explanations. If your module 0 folder,
# `m00_reliance`, sits beside this one (nbgrader puts fetched modules side by side), the next cell
# sets your figures from then beside your figures now. Compare the rows "Followed the AI when it
# was wrong" and "Kept your answer when you were right and the AI wrong". Did the explanations
# help you catch the AI's mistakes, or did they make you follow it more? Different digits and so
# few cases mean a difference of one case can be chance. "Undefined" means there was no case to
# count.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "m00-compare", "schema_version": 3}
from thinktwice.widgets.measures import summarize
from thinktwice.widgets.reliance_report import summary_rows

_then = checks.learner_trials(form="A", folder="../m00_reliance")
if not _then:
    print("No module 0 answers were found beside this notebook, so there is nothing to compare.")
    print("Your figures now are in the table of Part 3.")
else:
    _now_rows = summary_rows(summarize(trial.records()))
    _then_rows = summary_rows(summarize(_then))
    print("Module 0 (no explanations)  ->  now (with explanations)")
    for (_name, _old), (_same_name, _new) in zip(_then_rows, _now_rows, strict=True):
        print(f"{_name}:  {_old}  ->  {_new}")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "part5", "schema_version": 3}
# ## Part 5 · Who keeps the final judgement?
#
# Japan's Ministry of Education (MEXT) wrote guidelines for generative AI in primary and secondary
# schools; version 2.0 came out on 26 December 2024 [5]. They put people at the centre: an AI is a
# tool that helps and extends what people can do. Its output is only **one reference**, not
# necessarily the best answer, and the **final judgement and the responsibility stay with
# people** [5].
#
# Your trial showed why. The AI explained its mistakes as confidently as its right answers: its
# heat map and top three guesses looked just as convincing when it was wrong. An explanation
# tells you how the AI reached its answer. It does not tell you that the answer is right, and it
# does not move the responsibility for the decision from you to the AI.
#
# ### Two open questions
#
# Japan's AI Basic Plan says the government will look at how **civil liability** should work when
# AI is used (who has to pay for harm), and at protecting and using **intellectual property**, such
# as copyright, properly [1]. These are not settled. Think about them:
#
# - **Who is responsible when an AI-assisted decision harms someone?** A town office uses an AI to
#   sort applications for help with rent, and a clerk signs off its advice. The AI wrongly marks a
#   family as not eligible. Is it the clerk who signed, the town, the company that made the AI, or
#   several of them? Would your answer change if the clerk had no time to check?
# - **Who owns what an AI makes from other people's work?** *Intellectual property* means things
#   people create with their minds, such as stories, music and pictures. *Copyright* is the right
#   of a work's creator to decide who may copy or use it; to *infringe* it is to copy or use the
#   work without that right.
#   Japan's Agency for Cultural Affairs published a general understanding of AI and copyright in
#   2024 [6]. It is not a law, and courts decide real cases, but it says roughly this:
#   - **Training.** Japan's Copyright Act (Article 30-4) generally lets people use works to train
#     an AI without asking. It does not allow this when part of the aim is to enjoy what the
#     works express (for example, training an AI to put out pieces of the very works it learnt
#     from), or when it would unreasonably harm the copyright holder.
#   - **Using the output.** Whether an AI's output infringes is judged as for any other work: is
#     it similar to the creative expression of an existing work, and was it based on that work?
#   - **Owning the output.** Something an AI makes on its own, with no creative contribution by a
#     person, is not protected by copyright.
#
#   So if you ask an AI for a poster in the style of an artist whose pictures it learnt from, is
#   the poster yours? Could it be a copy of the artist's work?
#
# ### Exercise 6 · What the studies and the guideline say (2 points)
#
# Which statements match what this module has shown you from its sources? Pick every one that does.
#
# - **a.** In the study of Bansal and colleagues, explanations made people more likely to accept
#   the AI's advice, whether it was right or wrong.
# - **b.** In that study, teams with explanations beat the better of the people or the AI alone by
#   much more than teams without explanations.
# - **c.** An AI that explains its answers can be left to make the final decision.
# - **d.** MEXT's guideline treats an AI's output as one reference, and leaves the final
#   judgement and the responsibility with people.
# - **e.** Once an AI has explained its answer, the person who used it is no longer responsible
#   for the decision.
#
# Answer with letters as text, such as `"a"` or `"a, b"`.

# %% nbgrader={"grade": false, "grade_id": "ex6-statements", "locked": false, "solution": true, "schema_version": 3}
statements = ...  # your answer: letters as text, such as "a, b"
### BEGIN SOLUTION
statements = "a, d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex6-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Checks the form only: is statements a choice among the letters a to e? (Its points are given
# at grading, with partial credit for a partly right set.)
checks.letters(statements, "statements", options="abcde")
### BEGIN HIDDEN TESTS
checks.choice(
    statements,
    {"a", "d"},
    points=2,
    hints={
        "a": "Look again at Part 4: what did explanations change in the study?",
        "b": "Look again at Part 4: did explanations make the teams better?",
        "c": "Look again at Part 5: who keeps the final judgement, and does an explanation make an answer right?",
        "d": "Look again at Part 5: what does MEXT's guideline call an AI's output?",
        "e": "Look again at Part 5: does an explanation move the responsibility from the person to the AI?",
    },
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "task": true, "points": 0, "locked": true, "grade_id": "ex7-text", "schema_version": 3}
# ### Exercise 7 · A rule for a town office (3 points, read by your teacher)
#
# The town office from Part 5 asks you for a short rule, five to eight sentences, for clerks who
# use the AI on rent-help applications. Say:
#
# 1. when a clerk may follow the AI's advice, and when they must check the case themselves (use
#    what your trial showed you about confidence and explanations);
# 2. who signs off each decision and answers for it;
# 3. how mistakes will be found and put right, for the town and for the family who applied.
#
# Write in the cell below, replacing its text. There is no single right rule; your teacher reads
# your answer, looks for your reasons, and gives its three points. If you see feedback before
# your teacher has read it, this question may show 0 points: that is not your mark, only a sign
# that it has not been read yet.
#
# ### BEGIN MARK SCHEME
# **Rubric (3 points).**
# - 1 point: a condition for following the AI that does not rest on how sure it sounds or on its
#   having an explanation (for example: only where the AI's measured accuracy on such cases is
#   known and high, and the clerk's own reading agrees), and a duty to check the case in person
#   when the clerk and the AI disagree, when the advice goes against the applicant, or when the
#   case is unusual. Half a point if it says only "check the AI" with no when.
# - 1 point: a named person or role who signs each decision and is responsible for it (not "the
#   AI"), in line with MEXT's point that the final judgement and responsibility stay with people.
# - 1 point: a way to find and correct mistakes: a record of the AI's advice and the final
#   decision, a review of cases (for example how often clerks followed the AI when it was wrong),
#   and a way for the family to be told the reason and to ask for a person to look again. Half a
#   point for one of these with no detail.
# - Answers that raise the open question of who else is liable (the town, the maker) earn no
#   extra point but show understanding. Spelling and grammar are not graded.
# ### END MARK SCHEME

# %% [markdown] nbgrader={"grade": true, "grade_id": "ex7-rule", "locked": false, "points": 3, "solution": true, "schema_version": 3}
# ### BEGIN SOLUTION
# A clerk reads every application first and writes down their own decision before looking at the
# AI's advice. If the clerk and the AI agree, and the AI has been checked to be right on at least
# nine in ten past cases of this kind, the clerk may follow it. If they disagree, if the AI says
# "not eligible", or if the case is unusual, the clerk checks the documents again in person; a
# confident score or a convincing explanation is never a reason on its own, because in my trial
# the AI explained its mistakes just as well as its right answers. The clerk who signs the
# decision is responsible for it, and a manager signs every refusal. The office keeps a record of
# the AI's advice and the final decision, and each month checks how often clerks followed the AI
# when it was wrong. A family that is refused is told the reason in plain words and can ask for
# a different person to look at the case again.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "references", "schema_version": 3}
# ## References
#
# 1. Government of Japan, Cabinet Office. *AI Basic Plan* (Cabinet decision, 23 December 2025),
#    under the *Act on the Promotion of Research, Development and Utilization of AI-Related
#    Technologies* (May 2025). (The risk of relying on AI too much; the review of civil liability
#    for AI use and of the protection and use of intellectual property.)
# 2. Lee, J. D., & See, K. A. (2004). Trust in automation: designing for appropriate reliance.
#    *Human Factors*, 46(1), 50–80. (Trust calibrated to what the machine can really do.)
# 3. Schemmer, M., Kuehl, N., Benz, C., Bartos, A., & Satzger, G. (2023). Appropriate reliance on
#    AI advice: conceptualization and the effect of explanations. *Proceedings of IUI 2023*.
#    (Definitions of appropriate reliance, RAIR and RSR.)
# 4. Bansal, G., Wu, T., Zhou, J., Fok, R., Nushi, B., Kamar, E., Ribeiro, M. T., & Weld, D. S.
#    (2021). Does the whole exceed its parts? The effect of AI explanations on complementary team
#    performance. *Proceedings of CHI 2021*. (Teams did better with an AI of about human accuracy;
#    explanations did not raise that further, and raised acceptance of the AI's advice whether it
#    was right or wrong.)
# 5. Ministry of Education, Culture, Sports, Science and Technology (MEXT), Japan (2024).
#    *Guidelines for the use of generative AI in primary and secondary education*, version 2.0
#    (初等中等教育段階における生成AIの利活用に関するガイドライン Ver. 2.0), 26 December 2024.
#    (Human-centred use; AI output is one reference; people keep the final judgement and
#    responsibility.)
# 6. Agency for Cultural Affairs, Japan (2024). *General Understanding on AI and Copyright in
#    Japan: Overview* (May 2024), from the Legal System Subcommittee of the Copyright Subdivision
#    of the Council for Cultural Affairs, March 2024. (Article 30-4 and its limits; similarity and
#    reliance on an existing work; AI output with no human creative contribution.)
# 7. Alpaydin, E., & Kaynak, C. (1998). Optical Recognition of Handwritten Digits. UCI Machine
#    Learning Repository; shipped with scikit-learn as `sklearn.datasets.load_digits`.
# 8. Buçinca, Z., Malaya, M. B., & Gajos, K. Z. (2021). To trust or to think: cognitive forcing
#    functions can reduce overreliance on AI in AI-assisted decision-making. *Proceedings of the
#    ACM on Human-Computer Interaction*, 5(CSCW1).
