# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "intro", "schema_version": 3}
# # Module 6 · Statistical traps
#
# *About 45 minutes.*
#
# An AI assistant can quote a true number and still lead you to a false conclusion. This
# module is about two old traps that catch doctors, journalists and AI answers alike. In each
# one, every number is right and the conclusion is wrong.
#
# **By the end of this module you can**
# 1. work out what a positive test result means from three rates, by counting people
#    (natural frequencies) and with a Python function;
# 2. explain why a rare condition makes most positive results false, even with a good test
#    (base-rate neglect);
# 3. split a table into groups and show how a difference in the totals can reverse inside
#    every group, or most of them (Simpson's paradox);
# 4. check an AI assistant's claim against the numbers, and say what it left out.
#
# **What you will do:** estimate a chance before you see how it is worked out; count people in
# a grid of 1,000 and move its sliders; write a function that computes the chance; predict, then
# split a real table of university admissions by department; and test two claims an AI
# assistant makes. Most answers are checked by the computer; the last one is read by your
# teacher.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "words", "schema_version": 3}
# ## Part 1 · What does a positive test mean?
#
# A **screening test** checks people who feel well for a condition they might have without
# knowing it. Three numbers describe a screening test and the people it checks:
#
# - the **base rate** (or *prevalence*): the share of the people screened who have the
#   condition;
# - the **sensitivity**: of the people who have the condition, the share the test finds (a
#   *positive* result);
# - the **false positive rate**: of the people who do *not* have the condition, the share who
#   get a positive result anyway.
#
# As in earlier modules, "positive" means the answer the test looks for, not good news.
#
# The question a person with a positive result asks is a fourth number: *given that I tested
# positive, what is the chance that I really have the condition?* It is called the **positive
# predictive value**.
#
# The example below uses breast cancer screening figures that Gerd Gigerenzer put to
# experienced doctors: 0.8% of the women screened have breast cancer, the test finds 90% of
# them, and it flags 7% of the women without it. The doctors' answers ranged from 1% to 90% [3].
#
# **In the activity below**, answer its question first, before anything else: your first
# estimate is saved and counts. Then the same question appears as counts of 1,000 people.
# Answer again, move the sliders, and finally count the people of your own screening test (an
# invented one; your neighbour's has other rates). Your work is saved as you go in
# `thinktwice-evidence.jsonl` beside this notebook; if you run the cell again, the activity
# continues where you left off.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "grid", "schema_version": 3}
from thinktwice.widgets import FrequencyGrid

grid = FrequencyGrid()
grid.view()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "grid-after", "schema_version": 3}
# *Read on once you have given your first estimate in the grid.*
#
# The grid shows where the positive results come from: from the few people who have the
# condition, and from the many who do not. When a condition is rare, a small share of a very
# large group can outnumber almost all of a very small group. Forgetting how rare the condition
# is, and answering with the test's own 90%, is called **base-rate neglect**.
#
# Counts of people, such as "8 of 1,000 have it", are called **natural frequencies**. Gerd
# Gigerenzer and Ulrich Hoffrage found that people work out this kind of question correctly far
# more often when it is given in natural frequencies than when it is given as percentages,
# with no teaching at all [2]. Gigerenzer and colleagues recommend that doctors and patients be
# given natural frequencies for this reason [1].
#
# ### Exercise 1 · Count the people (2 points)
#
# Imagine the same screening, with the same three rates (0.8%, 90% and 7%), in a town of
# **10,000** women. Count as the grid does, rounding each count to a whole person. How many
# women have breast cancer *and* test positive? How many test positive in all?

# %% nbgrader={"grade": false, "grade_id": "ex1-answer", "locked": false, "solution": true, "schema_version": 3}
sick_and_positive = ...  # your answer: a whole number of women
all_positive = ...  # your answer: a whole number of women
### BEGIN SOLUTION
sick_and_positive = 72  # 80 women have it; 90% of 80
all_positive = 72 + 694  # and 7% of the 9,920 without it
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex1-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
from thinktwice.autograder import Score, checks

# Visible checks: both answers are numbers of women from 0 to 10,000. They are checked at grading.
checks.number_between(sick_and_positive, "sick_and_positive", 0, 10_000)
checks.number_between(all_positive, "all_positive", 0, 10_000)
### BEGIN HIDDEN TESTS
from thinktwice.widgets.frequency_grid import MAMMOGRAPHY, counts

_town = counts(MAMMOGRAPHY, population=10_000)
_parts = [
    checks.close_to(
        sick_and_positive,
        _town.sick_positive,
        points=1,
        tol=1,
        hint="sick_and_positive: look again at the first step: how many of the 10,000 have the condition, and how many of those does the test find?",
    ),
    checks.close_to(
        all_positive,
        _town.positive,
        points=1,
        tol=1,
        hint="all_positive: look again at who tests positive: the sick people the test finds, and also the healthy people it flags by mistake.",
    ),
]
Score(sum(part.points for part in _parts), 2)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex2-text", "schema_version": 3}
# ### Exercise 2 · The chance, as a function (2 points)
#
# Write `positive_predictive_value(base_rate, sensitivity, false_positive_rate)`. Its three
# arguments are shares from 0 to 1 (so 0.8% is `0.008`). It returns the chance, from 0 to 1,
# that a person who tests positive has the condition. If nobody at all tests positive, the
# chance is undefined: return `None`.
#
# Hint: do what the grid does, with shares instead of people. Of everyone, which share has the
# condition *and* tests positive? Which share tests positive in all?


# %% nbgrader={"grade": false, "grade_id": "ex2-answer", "locked": false, "solution": true, "schema_version": 3}
def positive_predictive_value(base_rate, sensitivity, false_positive_rate):
    """Of the people who test positive, the share who have the condition (None if nobody does)."""
    ### BEGIN SOLUTION
    sick_positive = base_rate * sensitivity
    healthy_positive = (1 - base_rate) * false_positive_rate
    if sick_positive + healthy_positive == 0:
        return None
    return sick_positive / (sick_positive + healthy_positive)
    ### END SOLUTION
    return ...  # replace ... with your answer


# %% nbgrader={"grade": true, "grade_id": "ex2-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
_cases = [
    checks.Case(
        (0.5, 1.0, 0.0),
        1.0,
        what="half the people have it, and the test never flags a healthy person",
        hint="With no false positives, everyone who tests positive has the condition.",
    ),
    checks.Case(
        (0.25, 1.0, 0.5),
        0.4,
        what="a quarter have it; the test finds them all, but also flags half of the healthy",
        hint=(
            "Count as the grid does: of 100 people, 25 have it and test positive;"
            " how many of the 75 healthy test positive too?"
        ),
    ),
]
### BEGIN HIDDEN TESTS
from thinktwice.widgets.frequency_grid import MAMMOGRAPHY, Rates

_cases += [
    checks.Case(
        (MAMMOGRAPHY.prevalence / 100, MAMMOGRAPHY.sensitivity / 100, MAMMOGRAPHY.false_positive / 100),
        MAMMOGRAPHY.chance(),
        hint="Look again at who tests positive: the healthy people with a false positive count too, and there are many more healthy people than sick ones.",
        hidden=True,
    ),
    checks.Case(
        (3 / 100, 95 / 100, 10 / 100),
        Rates(3, 95, 10).chance(),
        hint="Look again at the share of healthy people: it is 1 minus the base rate.",
        hidden=True,
    ),
    checks.Case(
        (1, 80 / 100, 30 / 100),
        1.0,
        hint="What if everyone has the condition?",
        hidden=True,
    ),
    checks.Case(
        (0, 80 / 100, 0),
        None,
        hint="What should the function return when nobody tests positive?",
        hidden=True,
    ),
]
### END HIDDEN TESTS
checks.score_function(positive_predictive_value, _cases, points=2)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex3-text", "schema_version": 3}
# ### Exercise 3 · Finish the grid (3 points)
#
# Finish every step of the frequency grid above: your first estimate, your answer after the
# grid, at least one move of a slider, and the counts of your own screening test. The check
# reads your saved work. Your first estimate earns full credit if it was within 5 points of
# the true chance, and part of the credit if it was nearer than 90%; the other steps earn
# credit for being right.

# %% nbgrader={"grade": true, "grade_id": "ex3-grid", "locked": true, "points": 3, "solution": false, "schema_version": 3}
checks.activity_score(FrequencyGrid(), points=3)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex4-text", "schema_version": 3}
# ### Exercise 4 · Verify the assistant's claim (2 points)
#
# Someone asks an AI assistant about the screening test. It answers:
#
# > "This test is 90% accurate, so if you test positive there is a 90% chance that you have
# > the condition."
#
# Use the grid (and its sliders) to check. Choose **every** statement that is true, as a string
# of letters such as `"a, c"`. Each right letter counts for you, each wrong one against you.
#
# - **a.** The 90% is the share of the *sick* people whom the test finds, not the share of the
#   *positive* people who are sick.
# - **b.** Because most of its positive results are wrong, the test is useless.
# - **c.** With the same test, a positive result means much more when the condition is
#   common: if half the people screened had it, the chance would be over 90%.
# - **d.** Among the people who test positive, the healthy ones outnumber the sick ones,
#   because there are so many more healthy people.
# - **e.** The assistant's answer would be right if the test had no false positives at all,
#   whatever the base rate.

# %% nbgrader={"grade": false, "grade_id": "ex4-answer", "locked": false, "solution": true, "schema_version": 3}
true_statements = ...  # your answer: letters, such as "a, c"
### BEGIN SOLUTION
true_statements = "a, c, d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex4-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible check: the answer is made of the letters a to e. It is checked at grading.
checks.letters(true_statements, "true_statements")
### BEGIN HIDDEN TESTS
checks.choice(
    true_statements,
    {"a", "c", "d"},
    points=2,
    hints={
        "a": "Look again at the three rates: which people is the 90% a share of?",
        "b": "Look again at the grid: after a positive result the chance went from 0.8% to about 9%, and nearly everyone who tests negative is healthy. Is that useless?",
        "c": "Look again at the grid with the first slider at 50%: what happens to the answer?",
        "d": "Look again at the people with a black dot in the grid: how many have the condition, and how many do not?",
        "e": "Look again at the grid with no false positives: the answer becomes 100%, not 90%.",
    },
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "simpson-text", "schema_version": 3}
# ## Part 2 · When the totals point the wrong way
#
# In autumn 1973, the University of California at Berkeley admitted 44% of the 8,442 men and
# 35% of the 4,321 women who applied for graduate study (study after a first degree). The gap
# looks like clear evidence of bias against women. The statistician Peter Bickel and two
# colleagues studied these figures [4].
#
# At Berkeley each department decides whom it admits. The activity below shows the six largest
# departments, known only by the letters A to F [5]. It starts with their totals. Make your
# prediction first: it is saved, and any answer completes the step. Then split the table by
# department and answer the three questions that follow.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "simpson", "schema_version": 3}
from thinktwice.widgets import SimpsonExplorer

explorer = SimpsonExplorer()
explorer.view()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex5-text", "schema_version": 3}
# ### Exercise 5 · Finish the explorer (3 points)
#
# Finish every step of the Simpson explorer above: your prediction, the split, and its three
# questions. The check reads your saved work.

# %% nbgrader={"grade": true, "grade_id": "ex5-explorer", "locked": true, "points": 3, "solution": false, "schema_version": 3}
checks.activity_score(SimpsonExplorer(), points=3)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex6-text", "schema_version": 3}
# ### Exercise 6 · Admission rates in code (2 points)
#
# The cell below puts the explorer's table in `berkeley`: a list with one entry per department
# and sex, each holding the department, the sex, how many applied and how many were admitted.
#
# Write `admission_rate(rows, sex, department=None)`: of the applicants of that sex (in that
# department, or in all the departments when `department` is `None`), the share who were
# admitted, from 0 to 1. If there are no such applicants, return `None`.

# %% nbgrader={"grade": false, "grade_id": "berkeley", "locked": true, "solution": false, "schema_version": 3}
from thinktwice.widgets.simpson_explorer import load

berkeley = [
    {"department": r.department, "sex": r.sex, "applicants": r.applicants, "admitted": r.admitted}
    for r in load()
]
berkeley[:2]  # the first two entries: department A, men and women


# %% nbgrader={"grade": false, "grade_id": "ex6-answer", "locked": false, "solution": true, "schema_version": 3}
def admission_rate(rows, sex, department=None):
    """The share of the applicants of ``sex`` (in ``department``, or in all) who were admitted."""
    ### BEGIN SOLUTION
    chosen = [
        r
        for r in rows
        if r["sex"] == sex and (department is None or r["department"] == department)
    ]
    applicants = sum(r["applicants"] for r in chosen)
    if applicants == 0:
        return None
    return sum(r["admitted"] for r in chosen) / applicants
    ### END SOLUTION
    return ...  # replace ... with your answer


# %% nbgrader={"grade": true, "grade_id": "ex6-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
_tiny = [
    {"department": "X", "sex": "men", "applicants": 10, "admitted": 5},
    {"department": "X", "sex": "women", "applicants": 4, "admitted": 1},
    {"department": "Y", "sex": "men", "applicants": 30, "admitted": 3},
]
_cases = [
    checks.Case(
        (_tiny, "women", "X"),
        0.25,
        what="one department: 1 of the 4 women admitted",
        hint="Admitted divided by applicants, in the rows of that sex and department only.",
    ),
    checks.Case(
        (_tiny, "men"),
        0.2,
        what="the men of both departments together: 8 admitted of 40",
        hint=(
            "With no department given, add up the applicants and the admitted"
            " of every department first, then divide."
        ),
    ),
]
### BEGIN HIDDEN TESTS
from thinktwice.widgets.simpson_explorer import load, row, totals

_rows = [
    {"department": r.department, "sex": r.sex, "applicants": r.applicants, "admitted": r.admitted}
    for r in load()
]
_cases += [
    checks.Case(
        (_rows, "women", "C"),
        row("C", "women").rate,
        hint="Look again at one department of the real table: only the rows of that department and sex.",
        hidden=True,
    ),
    checks.Case(
        (_rows, "men"),
        totals()["men"].rate,
        hint="Look again at what you divide by: add the admitted and the applicants of all six departments, then divide once (an average of the six rates is not the same).",
        hidden=True,
    ),
    checks.Case(
        (_rows, "women", "G"),
        None,
        hint="What should the function return for a department with no applicants?",
        hidden=True,
    ),
    checks.Case(([], "men"), None, hint="What if the table is empty?", hidden=True),
]
### END HIDDEN TESTS
checks.score_function(admission_rate, _cases, points=2)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex7-text", "schema_version": 3}
# ### Exercise 7 · Where did the women apply? (2 points)
#
# Departments A and B admitted most of their applicants; C to F admitted far fewer. Work out,
# from `berkeley`, the share of the applicants who were women in departments A and B together,
# and the same share in departments C, D, E and F together. Write each as a share from 0 to 1.

# %% nbgrader={"grade": false, "grade_id": "ex7-answer", "locked": false, "solution": true, "schema_version": 3}
women_share_ab = ...  # your answer: a share from 0 to 1
women_share_cf = ...  # your answer: a share from 0 to 1
### BEGIN SOLUTION
def _applicants(departments, sex=None):
    return sum(
        r["applicants"]
        for r in berkeley
        if r["department"] in departments and (sex is None or r["sex"] == sex)
    )


women_share_ab = _applicants("AB", "women") / _applicants("AB")
women_share_cf = _applicants("CDEF", "women") / _applicants("CDEF")
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex7-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible checks: both answers are shares from 0 to 1. The values are checked at grading.
checks.number_between(women_share_ab, "women_share_ab")
checks.number_between(women_share_cf, "women_share_cf")
### BEGIN HIDDEN TESTS
from thinktwice.widgets.simpson_explorer import row


def _share(letters):
    women = sum(row(d, "women").applicants for d in letters)
    return women / (women + sum(row(d, "men").applicants for d in letters))


_parts = [
    checks.close_to(
        women_share_ab,
        _share("AB"),
        points=1,
        tol=0.005,
        hint="women_share_ab: look again at what you divide by: the women who applied to A and B, out of everyone (men and women) who applied to A and B.",
    ),
    checks.close_to(
        women_share_cf,
        _share("CDEF"),
        points=1,
        tol=0.005,
        hint="women_share_cf: look again at what you divide by: the women who applied to C, D, E and F, out of everyone who applied to those four.",
    ),
]
Score(sum(part.points for part in _parts), 2)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex8-text", "schema_version": 3}
# *Read on once you have answered the explorer's questions.*
#
# When a difference in the totals disappears or reverses inside the groups, statisticians
# call it **Simpson's paradox**. Bickel and colleagues found that the Berkeley gap came from
# where people applied: women applied more often to the departments that were hard to get into
# for anyone, and that about as many departments favoured women as favoured men [4]. The department is what statisticians call a **lurking variable** (also
# called a *confounder*): something the totals leave out that is tied both to the groups
# (who applies where) and to the result (how many are admitted).
#
# ### Exercise 8 · Verify the second claim (2 points)
#
# Another AI assistant answers a question about the Berkeley figures:
#
# > "Berkeley discriminated against women in 1973: 44% of the men were admitted but only 35% of
# > the women."
#
# Choose **every** statement that is true, as a string of letters such as `"a, c"`. Each right
# letter counts for you, each wrong one against you.
#
# - **a.** The two percentages are right, but they do not show that the departments treated
#   women worse.
# - **b.** In most of the six largest departments, a larger share of the women than of the men
#   was admitted.
# - **c.** The totals must be added up wrongly: a difference cannot reverse when the same
#   people are counted.
# - **d.** Once a table is split into groups, the groups' figures are always the final truth:
#   no other split could change the picture again.
# - **e.** Women applied more often than men to the departments that admitted a small share of
#   all their applicants.

# %% nbgrader={"grade": false, "grade_id": "ex8-answer", "locked": false, "solution": true, "schema_version": 3}
claim_statements = ...  # your answer: letters, such as "a, c"
### BEGIN SOLUTION
claim_statements = "a, b, e"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex8-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible check: the answer is made of the letters a to e. It is checked at grading.
checks.letters(claim_statements, "claim_statements")
### BEGIN HIDDEN TESTS
checks.choice(
    claim_statements,
    {"a", "b", "e"},
    points=2,
    hints={
        "a": "Look again at the explorer's totals and at its table by department: are the percentages wrong, or what they are used to show?",
        "b": "Look again at the table by department: compare the women's and the men's rates, row by row.",
        "c": "Look again at exercise 7: the same people, counted correctly, can give totals that point the other way when the groups differ in size.",
        "d": "Look again at the lurking variable: a split by department leaves out other things (such as the applicants' own records) that could matter too.",
        "e": "Look again at your answers to exercise 7 and at the departments' admission rates.",
    },
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "task": true, "points": 0, "locked": true, "grade_id": "ex9-text", "schema_version": 3}
# ### Exercise 9 · Reply to the assistants (3 points, read by your teacher)
#
# Choose **one** of the two AI answers of this module: the 90% screening claim, or the Berkeley
# claim. In four to six sentences that a friend of your age could follow, write a reply that:
#
# 1. says what the answer got right, and what it left out, with numbers from this notebook;
# 2. explains the trap in your own words (base-rate neglect or Simpson's paradox), using
#    counts of people or the split by department;
# 3. gives one question you will ask next time an AI (or anyone) quotes a percentage like
#    this.
#
# Your teacher reads this answer; it is not checked by the computer.
#
# ### BEGIN MARK SCHEME
# **Rubric (3 points, 1 per part).**
# 1. Says which numbers are right (the 90% sensitivity; or the 44% and 35% totals) and names
#    what the answer left out, with a figure: the 0.8% base rate and the false positives among
#    the many healthy people (about 69 of 992); or the split by department, where women did
#    better in four of six departments. A correct point without any number earns half.
# 2. Explains the mechanism correctly. Screening: most positives are false because the
#    healthy far outnumber the sick, so only about 7 of 76 positives (about 9%) have the
#    condition. Berkeley: women applied mostly to departments that admitted few applicants of
#    either sex (only about 9% of the applicants to A and B were women, against about 57% in
#    C to F), so their total is lower although most departments admitted them at a similar or
#    higher rate. Naming the trap without the mechanism earns half.
# 3. A concrete, reusable question, for example: "out of how many people?", "what is the base
#    rate?", "how many of the positives are false?", "what happens when you split by group?",
#    "what else differs between the groups?". A vague "I would check it" earns nothing.
# Accept any accurate wording; spelling and grammar are not marked. Do not reward a reply that
# says the assistant's numbers are made up: they are true, and the lesson is what they leave
# out.
# ### END MARK SCHEME

# %% [markdown] nbgrader={"grade": true, "grade_id": "ex9-reply", "locked": false, "points": 3, "solution": true, "schema_version": 3}
# ### BEGIN SOLUTION
# The assistant is right that the test finds 90% of the people who have the condition, but that
# is not the chance that a person who tests positive has it. It left out the base rate: only 8
# in 1,000 people have the condition. Of the 992 healthy people, 7% (about 69) test positive
# too, so only 7 of the 76 people who test positive are really sick, which is about 9%, not
# 90%. The trap is called base-rate neglect: when a condition is rare, even a good test gives
# more false alarms than true ones. Next time I will ask: out of how many people, and how many
# of the positives are false?
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "references", "schema_version": 3}
# ## References
#
# 1. Gigerenzer, G., Gaissmaier, W., Kurz-Milcke, E., Schwartz, L. M., & Woloshin, S. (2007).
#    Helping doctors and patients make sense of health statistics. *Psychological Science in
#    the Public Interest*, 8(2), 53–96. (Statistical illiteracy is common among patients,
#    journalists and doctors; the authors recommend natural frequencies instead of conditional
#    probabilities.)
# 2. Gigerenzer, G., & Hoffrage, U. (1995). How to improve Bayesian reasoning without
#    instruction: Frequency formats. *Psychological Review*, 102(4), 684–704. (Questions like
#    this one are answered correctly far more often when the information is given as natural
#    frequencies than as probabilities.)
# 3. Gigerenzer, G. (2002). *Calculated Risks: How to Know When Numbers Deceive You*. New York:
#    Simon & Schuster (in the United Kingdom: *Reckoning with Risk*). (The screening figures
#    0.8%, 90% and 7% for women aged 40 to 50; experienced doctors' answers to the question
#    ranged from 1% to 90%.)
# 4. Bickel, P. J., Hammel, E. A., & O'Connell, J. W. (1975). Sex bias in graduate admissions:
#    data from Berkeley. *Science*, 187(4175), 398–404. (Autumn 1973: 44% of 8,442 men and 35%
#    of 4,321 women admitted; the gap comes from women applying more often to departments that
#    admit few applicants; within departments, about as many favoured women as men.)
# 5. Freedman, D., Pisani, R., & Purves, R. (1978). *Statistics*. New York: W. W. Norton. (The
#    table of the six largest departments, A to F, that the explorer shows; the same counts are
#    R's `UCBAdmissions` data set.)
