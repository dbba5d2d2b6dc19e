# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "intro", "schema_version": 3}
# # Module 0 · How much do you lean on AI?
#
# *About 35 minutes.*
#
# Before this course teaches you anything, it takes a measurement: **how you, today, use the
# advice of an AI**. You will read a few handwritten digits, first on your own, then with the
# answer of a real machine-learning model beside you. Nobody is graded on how often they agree
# with the AI. The point is to see your own habits in numbers, so that at the end of the course
# (module 11) you can measure again and see what changed.
#
# **By the end of this module you can**
# 1. say what it means to rely on AI *too much* and *too little*;
# 2. compute two measures of appropriate reliance, RAIR and RSR, from a table of decisions;
# 3. read your own figures, including how well your confidence matched your accuracy.
#
# **What you will do**
# 1. Read twelve handwritten digits with an AI's advice beside you (about 10 minutes).
# 2. Look back at your own cases: which digits were right, and where the AI was wrong.
# 3. Answer four short questions in code. A computer checks them when your teacher grades.
# 4. Write a short reflection. Your teacher reads it and gives its points.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "why", "schema_version": 3}
# ## Why measure this?
#
# Japan's AI Basic Plan, approved by the Cabinet in December 2025 under the AI Promotion Act of
# May 2025, asks for stronger "human capabilities" such as critical thinking, and names the risk
# that people rely on AI excessively [1]. Reliance is not bad in itself: a good AI is worth
# following when it is right. What matters is telling the cases apart. Researchers call this
# *appropriate reliance* and measure it by asking what people do when they and the AI disagree [2].
#
# ## How the trial works
#
# 1. You see a small image of a handwritten digit, a grid of 8 by 8 squares, shown large. Some
#    digits sit one square to the left or right. Look carefully: most of them can be read. Pick
#    the digit you think it is and say how sure you are. Then **lock in** your answer: it cannot be changed afterwards. Deciding
#    before you see the AI's answer is a "cognitive forcing" design, shown to reduce
#    over-reliance on AI [5].
# 2. The AI's answer appears, with its own confidence (how sure it says it is). The AI is a real
#    model: a logistic regression, a simple kind of machine-learning model, that learnt from 240
#    digits of the scikit-learn digits data [3]. Like every model it makes mistakes, sometimes
#    with high confidence.
# 3. Give your final answer. Keep yours, or switch to the AI's; both are allowed.
#
# Your cases are your own: your neighbour sees different digits. Your answers are saved as you go
# in the file `thinktwice-evidence.jsonl` beside this notebook, so you can stop and come back; if
# you run the cell again, the trial continues where you left off.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "trial", "schema_version": 3}
from thinktwice.widgets import RelianceTrial

trial = RelianceTrial(form="A")
trial.view()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex1-text", "schema_version": 3}
# ### Exercise 1 · Complete the trial (2 points)
#
# Answer all twelve cases above. You earn the points for finishing, not for agreeing with the AI
# or for being right. The check below reads your saved answers and says how many cases you have
# completed.

# %% nbgrader={"grade": true, "grade_id": "ex1-trial-completed", "locked": true, "points": 2, "solution": false, "schema_version": 3}
from thinktwice.autograder import checks

checks.reliance_trial_completed(points=2, form="A")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "figures-text", "schema_version": 3}
# ## Look back at your cases
#
# Run the next cell once you have finished. It shows each of your cases again: the image, your
# first answer, the AI's advice and how sure it was, your final answer, and the right digit. The
# AI's mistakes are marked ✘ and shaded. Below that, your figures are read out in sentences and
# listed in a table. These numbers describe you; they are not graded.
#
# The figures in the table:
#
# - **RAIR** (relative AI reliance): of the cases where the AI was right and you were first wrong,
#   how often you switched to the AI. High is good.
# - **RSR** (relative self-reliance): of the cases where you were first right and the AI was
#   wrong, how often you kept your answer. High is good.
# - **Over-reliance**: of the cases where the AI was wrong, how often your final answer followed it.
# - **Under-reliance**: of the cases where the AI was right, how often you did not follow it.
#
# RAIR and RSR are defined by Schemmer and colleagues [2]. When a measure has no cases to count
# (for example, the AI was never right when you were wrong), it is *undefined*: there is nothing to
# measure, which is different from 0%.
#
# The **Brier score** compares how sure you said you were with whether you were right: the mean of
# (confidence − outcome)², where the outcome is 1 when right and 0 when wrong [4]. 0 is perfect;
# always saying 50% gives 0.25.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "figures", "schema_version": 3}
trial.report()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "why-wrong", "schema_version": 3}
# Look at the cases where the AI was wrong. Could you read those digits yourself? This AI learnt
# from only 240 digits, and it compares an image square by square with what it learnt, so a digit
# moved one square to the side can throw it, even when a person reads it at once. How sure it
# sounds does not tell you when that happens: look at its confidence on its mistakes.
#
# ## How your answers are checked
#
# Each exercise below has an answer cell, where you replace every `...` with your answer, and a
# test cell after it, which you run as it is. The test cell checks now only the *form* of your
# answer: is it a number from 0 to 1, does your function give the right result on the examples
# shown. When that passes it says "More checks run when your teacher grades this notebook": the
# value itself, and more examples, are checked when your teacher grades, and your points show in
# your feedback then.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex2-text", "schema_version": 3}
# ### Exercise 2 · How often did you change your mind? (1 point)
#
# `trial.records()` is the list of your completed cases. Each record has the fields `first` (your
# first answer), `ai` (the AI's advice), `final` (your final answer) and `truth` (the right digit):
# for a record `r`, `r.first` is your first answer on that case.
#
# Set `changed_share` to the share of your cases, between 0 and 1, in which your final answer
# differs from your first answer. For example, if you changed your mind in 3 of 12 cases, it is
# `3 / 12`. If you have no completed cases, set it to `None`.
#
# The test cell checks that `changed_share` is a number from 0 to 1. At grading it is compared
# with the share in your own saved answers.

# %% nbgrader={"grade": false, "grade_id": "ex2-changed-share", "locked": false, "solution": true, "schema_version": 3}
records = trial.records()
changed_share = ...  # your answer: a number from 0 to 1, or None
### BEGIN SOLUTION
changed_share = (
    sum(r.final != r.first for r in records) / len(records) if records else None
)
### END SOLUTION
changed_share

# %% nbgrader={"grade": true, "grade_id": "ex2-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
# Checks the form only: is changed_share a number from 0 to 1? (Its point is given at grading.)
_form = checks.number_between(changed_share, "changed_share", 0, 1)
### BEGIN HIDDEN TESTS
_mine = checks.learner_trials(form="A")
_expected = sum(r.final != r.first for r in _mine) / len(_mine) if _mine else None
checks.close_to(
    changed_share,
    _expected,
    points=1,
    hint="Look again at your records: count the cases where final differs from first, "
    "then divide by the number of cases.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex3-text", "schema_version": 3}
# ### Exercise 3 · Write the over-reliance measure (2 points)
#
# Write `over_reliance(records)`: of the records where the AI was wrong (`ai != truth`), the share
# in which the final answer followed the AI (`final == ai`). When the AI was never wrong the
# measure is undefined: return `None`, not 0.
#
# The test cell tries your function on made-up records. `Trial(first=3, ai=5, final=5, truth=4)` is
# one case: the learner first said 3, the AI advised 5, the learner's final answer was 5, and the
# digit was 4. (You can also write it `Trial(3, 5, 5, 4)`: the fields come in that order.) The
# two examples you see: in the first the AI was wrong once and was followed, so the answer is 1.0;
# in the second it was wrong twice and was followed once, so 0.5. More examples are checked at
# grading.

# %% nbgrader={"grade": false, "grade_id": "ex3-over-reliance", "locked": false, "solution": true, "schema_version": 3}
def over_reliance(records):
    """Share of the AI's wrong answers that the learner followed, or None if there were none."""
    ### BEGIN SOLUTION
    wrong = [r for r in records if r.ai != r.truth]
    if not wrong:
        return None
    return sum(r.final == r.ai for r in wrong) / len(wrong)
    ### END SOLUTION
    return ...  # replace ... with your answer


# %% nbgrader={"grade": true, "grade_id": "ex3-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
from thinktwice.widgets.measures import Trial

_cases = [
    checks.Case(
        ([Trial(first=3, ai=5, final=5, truth=4), Trial(first=2, ai=2, final=2, truth=2)],),
        1.0,
        what="the AI wrong once, and followed",
    ),
    checks.Case(
        (
            [
                Trial(first=3, ai=5, final=3, truth=4),
                Trial(first=1, ai=7, final=7, truth=4),
                Trial(first=2, ai=2, final=2, truth=2),
            ],
        ),
        0.5,
        what="the AI wrong twice, and followed once",
    ),
]
### BEGIN HIDDEN TESTS
_cases += [
    checks.Case(
        ([Trial(1, 1, 1, 1), Trial(4, 4, 5, 4)],),
        None,
        hint="What should the measure be when the AI was never wrong?",
        hidden=True,
    ),
    checks.Case(([],), None, hint="What if there are no records at all?", hidden=True),
]
### END HIDDEN TESTS
checks.score_function(over_reliance, _cases, points=2)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex4-text", "schema_version": 3}
# ### Exercise 4 · RAIR and RSR by hand (1 point each)
#
# Six decisions by an imaginary learner:
#
# | case | first answer | AI's advice | final answer | truth |
# |---|---|---|---|---|
# | 1 | 3 | 5 | 5 | 5 |
# | 2 | 7 | 1 | 7 | 1 |
# | 3 | 2 | 2 | 2 | 2 |
# | 4 | 4 | 9 | 9 | 4 |
# | 5 | 0 | 6 | 6 | 6 |
# | 6 | 8 | 3 | 8 | 8 |
#
# Work out, with pencil and paper first, this learner's RAIR and RSR, and write them as numbers
# between 0 and 1 (a fraction such as `1/4` is fine). The definitions of RAIR and RSR are in the
# section "Look back at your cases": for RAIR, which cases count, and in how many of those did the
# learner switch to the AI?
#
# The test cells check that each answer is a number from 0 to 1; the values are checked at
# grading.

# %% nbgrader={"grade": false, "grade_id": "ex4-by-hand", "locked": false, "solution": true, "schema_version": 3}
rair_by_hand = ...  # your answer: a number from 0 to 1
rsr_by_hand = ...  # your answer: a number from 0 to 1
### BEGIN SOLUTION
rair_by_hand = 2 / 3
rsr_by_hand = 1 / 2
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex4-rair-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
# Checks the form only: is rair_by_hand a number from 0 to 1? (Its point is given at grading.)
_form = checks.number_between(rair_by_hand, "rair_by_hand", 0, 1)
### BEGIN HIDDEN TESTS
checks.close_to(
    rair_by_hand,
    2 / 3,
    points=1,
    tol=0.01,
    hint="Look again at which cases count for RAIR: only those where the first answer was "
    "wrong and the AI was right.",
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "ex4-rsr-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
# Checks the form only: is rsr_by_hand a number from 0 to 1? (Its point is given at grading.)
_form = checks.number_between(rsr_by_hand, "rsr_by_hand", 0, 1)
### BEGIN HIDDEN TESTS
checks.close_to(
    rsr_by_hand,
    1 / 2,
    points=1,
    tol=0.01,
    hint="Look again at which cases count for RSR: only those where the first answer was "
    "right and the AI was wrong.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "task": true, "points": 0, "locked": true, "grade_id": "ex5-text", "schema_version": 3}
# ### Exercise 5 · Reflect (2 points, read by your teacher)
#
# Look at your cases and your figures. In three to five sentences: when did you follow the AI,
# and why? Was there a case where the AI sounded sure and was wrong (name its case number)? What
# could you check before following an AI's answer next time? There is no single right answer;
# your teacher looks for honest, specific observations about your own decisions.
#
# Write in the cell below, replacing its text. Your teacher reads your answer and gives its two
# points. If you see feedback before your teacher has read it, this question may show 0 points:
# that is not your mark, only a sign that it has not been read yet.
#
# ### BEGIN MARK SCHEME
# **Rubric (2 points).** 1 point: names a specific case from the trial and says whether the
# learner followed the AI and why (for example its high confidence). 1 point: proposes a concrete
# check to make before following an AI's answer, such as looking at the image again before reading
# the advice. Honest answers that report following the AI a lot earn full marks.
# ### END MARK SCHEME

# %% [markdown] nbgrader={"grade": true, "grade_id": "ex5-reflection", "locked": false, "points": 2, "solution": true, "schema_version": 3}
# ### BEGIN SOLUTION
# In case 7 I first read a 4, the AI said 9 with 91% confidence and I switched; the truth was 4.
# I followed it because it sounded sure. Next time I will look at the image again before I read
# the advice.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "references", "schema_version": 3}
# ## References
#
# 1. Government of Japan, Cabinet Office. *AI Basic Plan* (Cabinet decision, December 2025),
#    under the *Act on the Promotion of Research, Development and Utilization of AI-Related
#    Technologies* (May 2025).
# 2. Schemmer, M., Kuehl, N., Benz, C., Bartos, A., & Satzger, G. (2023). Appropriate reliance on
#    AI advice: conceptualization and the effect of explanations. *Proceedings of IUI 2023*.
#    (Definitions of RAIR and RSR.)
# 3. Alpaydin, E., & Kaynak, C. (1998). Optical Recognition of Handwritten Digits. UCI Machine
#    Learning Repository; shipped with scikit-learn as `sklearn.datasets.load_digits`.
# 4. Brier, G. W. (1950). Verification of forecasts expressed in terms of probability.
#    *Monthly Weather Review*, 78(1), 1–3.
# 5. Buçinca, Z., Malaya, M. B., & Gajos, K. Z. (2021). To trust or to think: cognitive forcing
#    functions can reduce overreliance on AI in AI-assisted decision-making. *Proceedings of the
#    ACM on Human-Computer Interaction*, 5(CSCW1). (Why this trial asks for your answer before
#    showing the AI's.)
