# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "intro", "schema_version": 3}
# # Module 3 · Confident nonsense
#
# *About 40 minutes.*
#
# A model that reads handwritten digits has one job: say which of the ten digits, 0 to 9, a
# picture shows. What does it do when you show it something that is not a digit at all, such as a
# letter or a screen of random static? In this module you find out by experiment, with real
# models, and you connect what you see to the chatbots you may use every day.
#
# **By the end of this module you can**
# 1. explain why a model can give a confident answer about an input it was never built for;
# 2. use disagreement between several models as a warning sign, and say what it cannot prove;
# 3. break the claim "a confident answer is a checked answer" with evidence you collected;
# 4. relate this to *hallucination* in generative AI, and to what Japan's guideline for schools
#    asks you to do with an AI's answer.
#
# **What you will do:** predict how sure the model will be about random static (before you see
# it), probe five models with pictures one at a time and decide when to trust them, measure their
# confidence on a hundred pictures, write a small warning rule, test a claim, and explain the link
# to chatbots in your own words. Your teacher reads the last answer.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "words", "schema_version": 3}
# ## A few words first
#
# - A **classifier** is a model that puts each input into one of a fixed list of classes. Here
#   the classes are the ten digits.
# - The pictures are 8 by 8 squares of grey from scikit-learn's copy of a public collection of
#   handwritten digits [1]. The models learned from 1,300 of them; the rest are kept aside, so we
#   can test the models on digits they never saw.
# - For every picture the model gives each digit a share, and the ten shares add up to 100%. Its
#   answer is the digit with the biggest share, and that share is its **confidence**: 95% means
#   "95 of my 100 points go to this digit".
# - An input is **out of distribution** when it is unlike anything the model learned from: a
#   letter, static, an empty card. The model still has to share out its 100% among the ten
#   digits [2].
#
# The main model is a small **neural network** (many simple calculations in layers, tuned on the
# training pictures). Four other models of different kinds learned from the same digits:
# logistic regression, nearest neighbours, a random forest and a support-vector machine. You do not
# need to know how they work inside; what matters is that they are built *differently*.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex1-text", "schema_version": 3}
# ### Exercise 1 · Predict before you look (not graded)
#
# Imagine a picture of random static: every one of the 64 squares a random grey, no stroke at
# all. The network must still name a digit. **On average, how confident do you think it will be?**
# Write a number from 0.1 to 1: 0.1 would mean it shares its points evenly (10% per digit, a pure
# guess), 1 would mean it is completely sure.
#
# There is no wrong prediction here. Write yours down *before* you run the activity below, so you
# can compare it with what you measure later.

# %% nbgrader={"grade": false, "grade_id": "ex1-prediction", "locked": false, "solution": true, "schema_version": 3}
static_guess = ...  # your prediction: a number from 0.1 to 1
### BEGIN SOLUTION
static_guess = 0.3
### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "probe-text", "schema_version": 3}
# ## Part 1 · Probe the models
#
# Run the next cell. You get eight pictures, one at a time. For each one:
#
# 1. look at the picture;
# 2. press **Ask the models** and read the network's digit and confidence, and how many of the
#    five models name a different digit from the most common one;
# 3. decide whether you would **trust** the network's answer, and say what told you most.
#
# A *careful* call trusts a clear digit that all five models agree on, and does not trust an
# answer about something that is not a digit. After the eight pictures you see a review, and a
# last question opens. Below that you can draw pictures of your own and ask the models about them:
# try a letter, your initial, or a single dot.
#
# The first time the cell runs it builds the five models; this takes a few seconds. Your calls are
# saved in the file `thinktwice-evidence.jsonl` beside this notebook; if you run the cell again,
# you continue where you left off.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "probe", "schema_version": 3}
from thinktwice.widgets import OutOfDistributionProbe

probe = OutOfDistributionProbe()
probe.view()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex2-text", "schema_version": 3}
# ### Exercise 2 · Your calls in the probe (4 points)
#
# The check below reads your saved calls: the points are shared over the eight pictures and the
# last question, one share for each careful call and for the right answer to the question.

# %% nbgrader={"grade": true, "grade_id": "ex2-probe", "locked": true, "points": 4, "solution": false, "schema_version": 3}
from thinktwice.autograder import checks

checks.activity_score(OutOfDistributionProbe(), points=4)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "measure-text", "schema_version": 3}
# ## Part 2 · Measure it on a hundred pictures
#
# Eight pictures could be luck. The next cell makes 100 pictures of random static and picks 100
# handwritten digits the models never saw, and asks the models about all of them.
#
# Each answer is a *reading* with these parts:
#
# - `r.answer`: the network's digit;
# - `r.confidence`: the network's confidence, from 0 to 1;
# - `r.votes`: the digits the five models name, the network first;
# - `r.disagreement`: the share of the five models that name another digit than the most common
#   one (0 when all five agree).

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "measure", "schema_version": 3}
static_pictures = OutOfDistributionProbe.examples("noise", 100, seed=3)
digit_pictures = OutOfDistributionProbe.examples("digit", 100, seed=3)
static_readings = probe.read_all(static_pictures)
digit_readings = probe.read_all(digit_pictures)

first, *_others = static_readings
print("The first static picture:")
print("  the network says", first.answer, "with confidence", round(first.confidence, 2))
print("  the five models say", first.votes)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex3-text", "schema_version": 3}
# ### Exercise 3 · How sure is the network? (1 point each)
#
# Set `static_confidence` to the network's **average** confidence over the 100 static pictures
# (`static_readings`), and `digit_confidence` to its average over the 100 digits
# (`digit_readings`). Both are numbers from 0 to 1. Python's `sum(...)` and `len(...)` help.

# %% nbgrader={"grade": false, "grade_id": "ex3-confidence", "locked": false, "solution": true, "schema_version": 3}
static_confidence = ...  # your answer: a number from 0 to 1
digit_confidence = ...  # your answer: a number from 0 to 1
### BEGIN SOLUTION
static_confidence = sum(r.confidence for r in static_readings) / len(static_readings)
digit_confidence = sum(r.confidence for r in digit_readings) / len(digit_readings)
### END SOLUTION
print("static:", static_confidence, " digits:", digit_confidence)

# %% nbgrader={"grade": true, "grade_id": "ex3-static-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
# Visible check: static_confidence is a number from 0 to 1. Its value is checked at grading,
# against the readings of the same 100 static pictures.
_form = checks.number_between(static_confidence, "static_confidence", 0, 1)
### BEGIN HIDDEN TESTS
_static = OutOfDistributionProbe().read_all(OutOfDistributionProbe.examples("noise", 100, seed=3))
checks.close_to(
    static_confidence,
    sum(r.confidence for r in _static) / len(_static),
    points=1,
    tol=0.005,
    hint="Look again at which readings to average: the network's confidence, r.confidence, over every reading in static_readings.",
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "ex3-digit-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
# Visible check: digit_confidence is a number from 0 to 1. Its value is checked at grading,
# against the readings of the same 100 digits.
_form = checks.number_between(digit_confidence, "digit_confidence", 0, 1)
### BEGIN HIDDEN TESTS
_digits = OutOfDistributionProbe().read_all(OutOfDistributionProbe.examples("digit", 100, seed=3))
checks.close_to(
    digit_confidence,
    sum(r.confidence for r in _digits) / len(_digits),
    points=1,
    tol=0.005,
    hint="Look again at which readings to average: r.confidence over every reading in digit_readings.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "compare-text", "schema_version": 3}
# Compare what you measured with what you predicted in Exercise 1:

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "compare", "schema_version": 3}
_sure = sum(r.confidence >= 0.9 for r in static_readings)
print(f"The network was at least 90% sure on {_sure} of the 100 static pictures.")
if isinstance(static_guess, int | float) and isinstance(static_confidence, int | float):
    print(f"You predicted {static_guess:.0%}; you measured {static_confidence:.0%} on average.")
else:
    print("Fill in your prediction (Exercise 1) and your measurement (Exercise 3) to compare.")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "why-text", "schema_version": 3}
# You may have expected the network to be unsure about static. But its 100% must go
# somewhere, and it has no share for "this is not a digit". So on static it often picks one digit
# and gives it nearly all its points. Researchers found the same with big image networks: they
# made pictures that look like meaningless patterns to people, and networks labelled them as
# familiar objects with over 99% confidence [3]. **A confidence tells you how strongly the model
# prefers one of its classes, not whether the input makes sense.**

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex4-text", "schema_version": 3}
# ## Part 3 · Disagreement as a warning
#
# Models built in different ways tend to agree on the kind of input they all learned from, and to
# go separate ways on input none of them learned from. So when several models disagree, that is a
# warning that the input may be out of distribution. Researchers use groups of models like this,
# called **ensembles**, to tell when a model's answer should not be trusted [2], [4].
#
# ### Exercise 4 · Write the disagreement measure (2 points)
#
# Write `disagreement(votes)`: `votes` is a list of the digits the models name, such as
# `[3, 3, 8, 3, 1]`. Return the share of the models whose digit is **not** the most common digit
# in the list: here 2 of 5, so `0.4`. When all the models agree, it is `0`.
#
# Hint: `votes.count(d)` tells how many models named the digit `d`.

# %% nbgrader={"grade": false, "grade_id": "ex4-disagreement", "locked": false, "solution": true, "schema_version": 3}
def disagreement(votes):
    """Share of the models whose digit is not the most common one in `votes`."""
    ### BEGIN SOLUTION
    most = max(votes.count(d) for d in votes)
    return (len(votes) - most) / len(votes)
    ### END SOLUTION
    return ...  # replace ... with your answer


# %% nbgrader={"grade": true, "grade_id": "ex4-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Two visible checks (their inputs and answers are shown); hidden checks run at grading.
_cases = [
    checks.Case(([3, 3, 3, 3, 3],), 0.0, what="all five models agree"),
    checks.Case(([3, 3, 8, 3, 1],), 0.4, what="two of five name another digit"),
]
### BEGIN HIDDEN TESTS
_cases += [
    checks.Case(
        ([7, 7, 2, 2, 9],),
        0.6,
        hint="Look again at the case where two digits are named equally often: either one counts as the most common, and the share is the same.",
        hidden=True,
    ),
    checks.Case(
        ([5, 1, 1, 1, 1],),
        0.2,
        hint="Look again at the case where the first model is the odd one out: count against the digit most models name, not against the first model.",
        hidden=True,
    ),
    checks.Case(
        ([0, 1, 2, 3, 4, 5, 6, 7],),
        7 / 8,
        hint="Look again at a different number of models, where every model names its own digit.",
        hidden=True,
    ),
]
### END HIDDEN TESTS
checks.score_function(disagreement, _cases, points=2)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "warning-text", "schema_version": 3}
# Now use disagreement as a warning on the 100 static pictures and the 100 digits. The cell
# counts the pictures where at least one model names another digit than the rest.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "warning", "schema_version": 3}
_static_flagged = sum(r.disagreement > 0 for r in static_readings)
_digit_flagged = sum(r.disagreement > 0 for r in digit_readings)
print(f"Warning on {_static_flagged} of the 100 static pictures.")
print(f"Warning on {_digit_flagged} of the 100 digits.")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "warning-after", "schema_version": 3}
# Disagreement caught most of the static that the network's confidence let through. It is not a
# proof, though, in either direction: models can disagree about a real but messy digit (a false
# alarm), and several models can agree on the same wrong answer, for example when they learned
# from the same data with the same gaps. Agreement only says "no warning", never "checked".

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex5-text", "schema_version": 3}
# ## Part 4 · Break a claim
#
# An app maker writes: *"Our digit reader shows its confidence with every answer. When it says 90%
# or more, the answer has been checked, so you can rely on it."*
#
# ### Exercise 5 · Which observations break the claim? (2 points)
#
# Choose **every** option that is evidence *against* the claim. A wrong pick takes away as much as
# a right pick gives.
#
# - **a.** On many pictures of random static the network was at least 90% sure, yet static is not a
#   digit at all.
# - **b.** On handwritten digits it never saw, the network was right almost every time.
# - **c.** The network's ten shares always add up to 100%, so it has no way to answer "this is not a
#   digit".
# - **d.** On letters, the network was sure while other models named different digits.
# - **e.** The network learned from 1,300 pictures.

# %% nbgrader={"grade": false, "grade_id": "ex5-choice", "locked": false, "solution": true, "schema_version": 3}
claim_breakers = ...  # your answer: letters as text, such as "a, e"
### BEGIN SOLUTION
claim_breakers = "a, c, d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex5-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible check: the answer is text made of letters from a to e. Which letters are right is
# checked at grading.
from thinktwice.autograder.score import Score

_picked = claim_breakers.replace(",", " ").split() if isinstance(claim_breakers, str) else None
if _picked and all(_letter.lower() in ("a", "b", "c", "d", "e") for _letter in _picked):
    _lines = ["✔ claim_breakers is made of letters from a to e.", "   It is scored when your teacher grades this notebook."]
else:
    _lines = ['✘ claim_breakers should be letters from a to e as text, such as "a, e".']
_form = Score(0, 0, _lines).report()
### BEGIN HIDDEN TESTS
checks.choice(
    claim_breakers,
    {"a", "c", "d"},
    points=2,
    hints={
        "a": "Look again at Part 2: how sure was the network on static, and is static a digit?",
        "b": "Look again at what the claim is about: every answer said with 90% or more, including answers about things that are not digits.",
        "c": "Look again at how the confidence is made: can ten shares of 100% leave room for 'none of these'?",
        "d": "Look again at the letters in the probe: what did the other four models say?",
        "e": "Look again: does the number of training pictures say anything about what a confidence checks?",
    },
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "genai-text", "schema_version": 3}
# ## Part 5 · Confident nonsense in generative AI
#
# A chatbot is a *generative* AI: it writes text instead of choosing among ten digits. Like the
# digits network, it can give an answer in fluent, sure-sounding words that is false or made up.
# Such an answer is called a **hallucination**.
#
# Japan's Ministry of Education (MEXT) published guidelines for the use of generative AI in
# primary and secondary schools; version 2.0 came out in December 2024 [5]. They name
# hallucination, incorrect output from generative AI, as one of its risks. And they ask that an
# AI's output be treated as **one reference**, with people making the final judgement
# themselves [5].
#
# What you practised here carries over: a sure tone is not a check; asking again, or asking a
# different tool, and comparing the answers is like reading the five models' disagreement (a
# warning when they differ, no proof when they agree); and the check that counts is against
# sources you can open yourself.
#
# ### Exercise 6 · A sure-sounding chatbot (1 point)
#
# A chatbot answers your history question in fluent sentences and adds "I am certain of this."
# What does this module, and MEXT's guideline, suggest you do?
#
# - **a.** Rely on it: a model that says it is certain has checked its answer.
# - **b.** Treat it as one reference: compare it with other sources and make the final judgement
#   yourself.
# - **c.** Ask the same chatbot "Are you sure?"; if it says yes, rely on it.
# - **d.** Never use generative AI for anything.
#
# Answer with one letter.

# %% nbgrader={"grade": false, "grade_id": "ex6-choice", "locked": false, "solution": true, "schema_version": 3}
chatbot_choice = ...  # your answer: one letter as text, such as "a"
### BEGIN SOLUTION
chatbot_choice = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex6-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
# The answer is compared by its digest, so this cell does not show it.
checks.matches_digest(
    chatbot_choice,
    "96c4c02dbbd3c175",
    points=1,
    hint="Look again at Part 5: what does the guideline call an AI's output, and who makes the final judgement? Is a model's own confidence a check?",
)

# %% [markdown] nbgrader={"grade": false, "solution": false, "task": true, "points": 0, "locked": true, "grade_id": "ex7-text", "schema_version": 3}
# ### Exercise 7 · Explain it to a friend (2 points, read by your teacher)
#
# A friend says: "The chatbot sounded totally sure, so it must be right." In four to six sentences,
# answer them using what you saw in this module. Say why a model can be confident about something
# it knows nothing about (use the digits network as your example), name one warning sign you
# could look for and what it cannot prove, and say what you would do before using the answer.
# There is no single right wording; your teacher reads this answer and looks for your reasons.
#
# ### BEGIN MARK SCHEME
# **Rubric (2 points).**
# - 1 point: explains, with the digits network as the example, that confidence is the model's
#   preference among its own answers and not a check: the network had to share 100% among ten
#   digits, so static or a letter still got a sure answer; and links this to a chatbot producing
#   a fluent answer (a hallucination) when it has nothing reliable to go on.
# - 1 point: names a warning sign (for example, different models or repeated questions giving
#   different answers, a source that cannot be found) AND says what it cannot prove (agreement
#   is not proof) AND a concrete step: check against sources they can open, treat the answer as one
#   reference and make the final judgement themselves (MEXT guideline).
# - Half a point for each half when it is there but vague (for example "check it" with no how).
#   Spelling and grammar are not graded.
# ### END MARK SCHEME

# %% [markdown] nbgrader={"grade": true, "grade_id": "ex7-explain", "locked": false, "points": 2, "solution": true, "schema_version": 3}
# ### BEGIN SOLUTION
# Sounding sure is not the same as being checked. The digits network had to share out 100% among
# the ten digits, so when I showed it static it still said "4" and was over 90% sure, because it
# has no answer for "this is not a digit". A chatbot also always writes an answer and sounds
# fluent, even when it has nothing to go on, so it can hallucinate. One warning sign is
# disagreement: if other models or a second try give different answers, I should not trust it,
# but if they agree that still does not prove it is right. Before using the answer I would check
# it against a source I can open myself and make the final judgement myself, as MEXT's guideline
# says.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "references", "schema_version": 3}
# ## References
#
# 1. Alpaydin, E., & Kaynak, C. (1998). Optical Recognition of Handwritten Digits. UCI Machine
#    Learning Repository; shipped with scikit-learn as `sklearn.datasets.load_digits` (1,797
#    pictures of 8 by 8 squares).
# 2. Google PAIR (People + AI Research). *From Confidently Incorrect Models to Humble Ensembles*.
#    AI Explorables, 2023. pair.withgoogle.com/explorables/uncertainty-ood (a classifier with a
#    fixed set of classes labels anything as one of them; an ensemble of models shows where they
#    disagree).
# 3. Nguyen, A., Yosinski, J., & Clune, J. (2015). Deep neural networks are easily fooled: high
#    confidence predictions for unrecognizable images. *Proceedings of CVPR 2015*.
# 4. Lakshminarayanan, B., Pritzel, A., & Blundell, C. (2017). Simple and scalable predictive
#    uncertainty estimation using deep ensembles. *Advances in Neural Information Processing
#    Systems 30 (NeurIPS 2017)*.
# 5. Ministry of Education, Culture, Sports, Science and Technology (MEXT), Japan (2024).
#    *Guidelines for the use of generative AI in primary and secondary education*, version 2.0
#    (初等中等教育段階における生成AIの利活用に関するガイドライン Ver. 2.0), December 2024.
