# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "intro", "schema_version": 3}
# # Module 5 · Bias and proxies
#
# *About 40 minutes.*
#
# A company builds a computer model that helps decide whom to hire. Someone worries that it may
# treat one group of people worse than another. The company answers: "We removed the column
# that says which group each person belongs to, so the model cannot be biased." In this module
# you test that claim on a real model, with numbers.
#
# **By the end of this module you can**
# 1. say what a protected attribute and a proxy are, and find a proxy in a table with a real
#    model;
# 2. compute a model's false positive rate and false negative rate for each group, in code;
# 3. explain, with your own numbers, why "we removed the column" does not make a model fair.
#
# **What you will do:** predict whether removing the column is enough; audit a hiring model in
# the bias audit (guess each person's group back from the other columns, then compare the
# model's mistakes across groups); write a function that measures one kind of mistake; retrain
# the model on fewer columns and see what changes; and write a short reply to the company.
# Most answers are checked by the computer; the last one is read by your teacher.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "words", "schema_version": 3}
# ## Why this matters, and two words
#
# UNESCO's AI competency framework for students (2024) describes what school students should
# learn about AI in four dimensions; one of the four is the *ethics of AI* [2]. Fairness is
# part of it: a model used to decide about people can treat some of them worse without anyone
# meaning it to.
#
# A **protected attribute** is a fact about a person, such as sex, ethnicity, religion,
# disability or age, on which people must not be treated worse [3]. Here it is simply called
# the *group*.
#
# **About the groups in this module.** The town, the people and the two groups, A and B, are
# invented. They stand for no real group of people. Each group has its own streets, schools and
# clubs, the way segregated housing or schooling has shaped real towns. In the invented past,
# the town's hiring decisions were unfair to one of the two groups (which one differs from
# learner to learner). Any difference between the groups that you find here comes from that
# invented history, not from the people.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "predict-text", "schema_version": 3}
# ## Before you look: predict (not graded)
#
# The hiring model learnt from the town's past hiring decisions. Its makers removed the group
# column, so the model never sees anyone's group. Will it make the same kinds of mistakes for
# group A and group B? Write `"a"` or `"b"` below, then run the cell. It is not graded: you
# will come back to it at the end.
#
# - **a.** Yes: a model that cannot see the group cannot treat the groups differently.
# - **b.** No: it can still treat the groups differently.

# %% nbgrader={"grade": false, "grade_id": "prediction", "locked": false, "solution": true, "schema_version": 3}
my_prediction = ...  # your prediction: "a" or "b"
### BEGIN SOLUTION
my_prediction = "a"
### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "audit-text", "schema_version": 3}
# ## Part 1 · Audit the hiring model
#
# Each row of the town's table is one applicant, with these columns:
#
# | column | what it holds |
# |---|---|
# | group | A or B: the protected attribute. **The hiring model never sees it.** |
# | neighbourhood | where the person lives (6 neighbourhoods) |
# | school | which school they went to (4 schools) |
# | hobby | which hobby club they belong to (4 clubs) |
# | test score | an aptitude test, from 0 to 100 |
# | experience | years of experience in similar jobs |
# | hired | what the town decided in the past: the labels the model learnt from |
# | qualified | whether the person would really have done the job well |
#
# In real life nobody knows the last column for sure. In this invented town we know it, so we
# can check the model's decisions against the truth. Your town is your own: your neighbour's
# table holds different people.
#
# Work through the audit below:
#
# 1. **Part 1 of the audit.** Can the removed column be guessed back from the others? Tick one
#    or more columns and press the button: a small model learns to guess each person's group
#    from those columns. Fit each column on its own first, then try some together. Compare
#    every accuracy with the *base rate*, which the audit explains.
# 2. **Part 2 of the audit.** Read the hiring model's mistakes for each group.
# 3. **Part 3 of the audit.** Leave it for now: you will answer it after exercise 4.
#
# Your fits and answers are saved as you go in `thinktwice-evidence.jsonl` beside this
# notebook; if you run the cell again, the audit continues where you left off.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "audit", "schema_version": 3}
from thinktwice.widgets import BiasAudit

audit = BiasAudit()
audit.view()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex1-text", "schema_version": 3}
# ### Exercise 1 · What is a proxy? (1 point)
#
# You have seen that some columns let a model guess the group far better than the base rate,
# even though the group column was removed. Such a column is called a *proxy* for the group.
# Which description of a proxy is right? Write one letter.
#
# - **a.** A column that was deleted from the data, so that the model cannot use it.
# - **b.** A column that carries much of the same information as another column, so that a
#   model can use it in that column's place.
# - **c.** The column that holds the right answers the model learns from.
# - **d.** Any column that a person, not a computer, filled in.

# %% nbgrader={"grade": false, "grade_id": "ex1-answer", "locked": false, "solution": true, "schema_version": 3}
proxy_meaning = ...  # your answer: one letter, such as "a"
### BEGIN SOLUTION
proxy_meaning = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex1-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
from thinktwice.autograder import Score, checks


# Visible check: the answer is one of the letters a to d. It is checked at grading.
checks.letters(proxy_meaning, "proxy_meaning", options="abcd")
### BEGIN HIDDEN TESTS
checks.choice(
    proxy_meaning,
    "b",
    points=1,
    hints={
        "a": "Look again at part 1 of the audit: the deleted column is the group itself; which columns let the model guess it back?",
        "c": "Look again at the table of columns: the right answers are the labels (hired). A proxy stands in for the group.",
        "d": "Look again at what made some columns special in part 1: it was what they told the model about the group.",
    },
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex2-text", "schema_version": 3}
# Fairness researchers have a name for this: the group is *redundantly encoded* in the other
# columns. Removing one column does not remove the information when other columns carry it
# too [3]. Google's PAIR team shows the same effect with an invented example about predicting
# students' grades at college: with enough detail about every student, a model can build a
# proxy for gender out of other columns, even when nobody gives it gender [1].
#
# ### Exercise 2 · The proxies in your town (2 points)
#
# In part 1 of the audit, fit each column **on its own**. Which columns beat the base rate by
# more than 10 points ("Points above the base rate" more than +10 in the audit's table)? Write
# their names as a list, using these spellings: `"neighbourhood"`, `"school"`, `"hobby"`,
# `"test_score"`, `"experience"`. Your town differs from your neighbour's, so look at your own.
# A right column counts for you, a wrong one against you; a column within 2 points of +10 is
# not counted either way.

# %% nbgrader={"grade": false, "grade_id": "ex2-answer", "locked": false, "solution": true, "schema_version": 3}
proxy_columns = ...  # your answer: a list of column names, such as ["hobby"]
### BEGIN SOLUTION
proxy_columns = [f for f, a in audit.single_accuracy_.items() if a - audit.base_rate_ > 0.10]
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex2-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
from thinktwice.widgets.bias_audit import FEATURES


def _say(ok, good, bad):
    """Print whether an answer has the right form (it scores nothing; the value is graded)."""
    print(f"✔ {good}" if ok else f"✘ {bad}")
    if ok and not checks.grading():
        print("   These checks pass. More checks run when your teacher grades this notebook.")


# Visible check: proxy_columns is a list of column names. It is checked at grading.
_names = list(proxy_columns) if isinstance(proxy_columns, list | tuple | set) else None
_say(
    bool(_names) and all(name in FEATURES for name in _names),
    "proxy_columns is a list of column names.",
    'proxy_columns should be a list of names from the five above, such as ["hobby"].',
)
### BEGIN HIDDEN TESTS
_audit = BiasAudit().start()
_gain = {f: _audit.single_accuracy_[f] - _audit.base_rate_ for f in FEATURES}
_right = {f for f in FEATURES if _gain[f] > 0.12}
_wrong = {f for f in FEATURES if _gain[f] < 0.08}
_picked = set(_names or []) & set(FEATURES)
_share = max(len(_picked & _right) - len(_picked & _wrong), 0) / len(_right)
_lines = []
if _picked & _wrong:
    _lines.append(
        "✘ At least one column you chose does not beat the base rate by more than 10 points on its own. Look again at the audit's table: fit each column alone and read its points above the base rate."
    )
if _right - _picked:
    _lines.append(
        "✘ At least one column that gives the group away is missing. Look again at the audit's table: fit each of the five columns alone."
    )
Score(2 * _share, 2, _lines or ["✔ Correct."]).report()
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "rates-text", "schema_version": 3}
# ## Part 2 · Measure the mistakes
#
# The hiring model answers a yes-or-no question about each applicant: hire? In code, 1 means
# *yes* and 0 means *no*. The "yes" answer is called the **positive class**: here, "hire" for
# the model's decision and "qualified" for the truth. Positive does not mean good; it means
# the answer the question asks about.
#
# A yes-or-no model can be wrong in two ways:
#
# - a **false positive**: the model says yes (hire) to someone who is not qualified;
# - a **false negative**: the model says no to someone who is qualified. For the applicant,
#   this is the mistake that costs them a job they would have done well.
#
# The **false positive rate** is the share of the *unqualified* people whom the model would
# hire. The **false negative rate** is the share of the *qualified* people whom it turns down.
# Each is out of a different set of people. If there is nobody in that set, the rate is
# *undefined*: there is nothing to count, which is different from 0.
#
# Here is the false positive rate as a Python function. `truth` is a list of 0s and 1s (who was
# really qualified), `decided` the model's decisions, in the same order.


# %% nbgrader={"grade": false, "grade_id": "fpr", "locked": true, "solution": false, "schema_version": 3}
def false_positive_rate(truth, decided):
    """Of the people who were not qualified (truth 0), the share the model would hire."""
    decisions_for_unqualified = [d for t, d in zip(truth, decided) if t == 0]
    if not decisions_for_unqualified:
        return None  # nobody unqualified: the rate is undefined
    hired = sum(1 for d in decisions_for_unqualified if d == 1)
    return hired / len(decisions_for_unqualified)


false_positive_rate([0, 0, 1, 0], [1, 0, 1, 0])  # 3 unqualified people, 1 of them hired

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex3-text", "schema_version": 3}
# ### Exercise 3 · Write the false negative rate (2 points)
#
# Write `false_negative_rate(truth, decided)`: of the people who were qualified (`truth` 1), the
# share the model turns down (`decided` 0). Return `None` when nobody was qualified. The
# function above is a good model to follow.


# %% nbgrader={"grade": false, "grade_id": "ex3-answer", "locked": false, "solution": true, "schema_version": 3}
def false_negative_rate(truth, decided):
    """Of the people who were qualified (truth 1), the share the model turns down."""
    ### BEGIN SOLUTION
    decisions_for_qualified = [d for t, d in zip(truth, decided) if t == 1]
    if not decisions_for_qualified:
        return None
    return sum(1 for d in decisions_for_qualified if d == 0) / len(decisions_for_qualified)
    ### END SOLUTION
    return ...  # replace ... with your answer


# %% nbgrader={"grade": true, "grade_id": "ex3-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
_cases = [
    checks.Case(
        ([1, 1, 0, 0], [1, 0, 0, 0]),
        0.5,
        what="two qualified people, one of them turned down",
        hint="Count only the people whose truth is 1, then how many of them the model turned down.",
    ),
    checks.Case(
        ([1, 1, 1, 0], [1, 1, 1, 1]),
        0.0,
        what="every qualified person hired",
        hint="Nobody qualified was turned down here: the share is a number, not None.",
    ),
]
### BEGIN HIDDEN TESTS
from thinktwice.widgets.bias_audit import group_error_rates

_audit = BiasAudit().start()
_truth = _audit.table_["qualified"][~_audit.train_]
(_everyone,) = group_error_rates(_truth, _audit.decisions_, [0 for _ in _truth])
_cases += [
    checks.Case(
        ([1, 1, 1, 0, 0, 0], [0, 1, 1, 0, 0, 0]),
        1 / 3,
        hint="Look again at what you divide by: the share is out of the people who were qualified, not out of the people turned down.",
        hidden=True,
    ),
    checks.Case(
        ([0, 0, 0], [1, 0, 1]),
        None,
        hint="What should the rate be when nobody was qualified?",
        hidden=True,
    ),
    checks.Case(([], []), None, hint="What if there are no people at all?", hidden=True),
    checks.Case(
        (_truth, _audit.decisions_),
        _everyone.false_negative_rate.value,
        hint="Look again at a long list of real decisions (numpy arrays of hundreds of applicants).",
        hidden=True,
    ),
]
### END HIDDEN TESTS
checks.score_function(false_negative_rate, _cases, points=2)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex4-text", "schema_version": 3}
# ### Exercise 4 · The rates of each group, on your data (2 points)
#
# The cell below takes the test applicants of your town: the half the hiring model did not
# learn from. `in_a` is `True` for the people of group A, `in_b` for group B. It works out
# the false positive rate of group A as an example.

# %% nbgrader={"grade": false, "grade_id": "test-data", "locked": true, "solution": false, "schema_version": 3}
test = ~audit.train_  # True for the test applicants
truth = audit.table_["qualified"][test]  # 1 = really qualified
decided = audit.decisions_  # the hiring model's decisions: 1 = hire
group = audit.table_["group"][test]  # 0 = group A, 1 = group B
in_a, in_b = group == 0, group == 1

print(
    "Test applicants:", len(truth), "of whom in group A:", in_a.sum(), "and in group B:", in_b.sum()
)
print("False positive rate of group A:", round(false_positive_rate(truth[in_a], decided[in_a]), 3))

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex4-ask", "schema_version": 3}
# Use your `false_negative_rate` to work out the false negative rate of each group, in the same
# way. Then compare your numbers with the table in part 2 of the audit: they should agree. If
# they do not, look at your function again.

# %% nbgrader={"grade": false, "grade_id": "ex4-answer", "locked": false, "solution": true, "schema_version": 3}
fnr_a = ...  # your answer: the false negative rate of group A, a number from 0 to 1
fnr_b = ...  # your answer: the false negative rate of group B, a number from 0 to 1
### BEGIN SOLUTION
fnr_a = false_negative_rate(truth[in_a], decided[in_a])
fnr_b = false_negative_rate(truth[in_b], decided[in_b])
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex4-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible checks: both answers are numbers from 0 to 1. The values are checked at grading.
checks.number_between(fnr_a, "fnr_a")
checks.number_between(fnr_b, "fnr_b")
### BEGIN HIDDEN TESTS
_rate_a, _rate_b = BiasAudit().start().rates_
_parts = [
    checks.close_to(
        fnr_a,
        _rate_a.false_negative_rate.value,
        points=1,
        tol=0.005,
        hint="fnr_a: look again at which people you count: only group A's test applicants, and among them only the qualified ones.",
    ),
    checks.close_to(
        fnr_b,
        _rate_b.false_negative_rate.value,
        points=1,
        tol=0.005,
        hint="fnr_b: look again at which people you count: only group B's test applicants, and among them only the qualified ones.",
    ),
]
Score(sum(part.points for part in _parts), 2)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex5-text", "schema_version": 3}
# One group's qualified applicants are turned down far more often than the other's, by a model
# that never saw anyone's group. Asking for equal false positive rates and equal false negative
# rates in every group is one of the ways of defining fairness that researchers use [3].
#
# ### Exercise 5 · Finish the audit (3 points)
#
# Go back to the audit and answer the three questions of its part 3. The check below reads
# your saved work: whether you fitted at least two different sets of columns, and each of your
# three answers.

# %% nbgrader={"grade": true, "grade_id": "ex5-audit", "locked": true, "points": 3, "solution": false, "schema_version": 3}
checks.activity_score(BiasAudit(), points=3)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex6-text", "schema_version": 3}
# ## Part 3 · Break the claim
#
# The claim was: "we removed the column, so the model cannot be biased". You have seen that it
# is false. Now test a stronger fix: remove the proxies too.
#
# ### Exercise 6 · Choose the columns to keep (1 point)
#
# A hiring model should decide from what tells you whether someone can do the job. Write the
# list of columns the model should keep: only the ones that say something about doing the job
# well and give little or nothing of the group away. Use the spellings from exercise 2. The cell
# after yours trains a new hiring model on your columns, on the same biased past decisions, and
# compares its mistakes with the first model's.

# %% nbgrader={"grade": false, "grade_id": "ex6-answer", "locked": false, "solution": true, "schema_version": 3}
keep = ...  # your answer: a list of column names, such as ["hobby"]
### BEGIN SOLUTION
keep = ["test_score", "experience"]
### END SOLUTION

# %% nbgrader={"grade": false, "grade_id": "retrain", "locked": true, "solution": false, "schema_version": 3}
from thinktwice.widgets.bias_audit import FEATURES, group_error_rates

_kept = [c for c in FEATURES if isinstance(keep, list | tuple | set) and c in keep]
if not _kept:
    print("Write at least one column name in keep, above, then run this cell again.")
else:
    decided_kept = audit.decide_with(_kept)
    for name, decisions in (
        ("All columns but the group", decided),
        ("Only " + ", ".join(_kept), decided_kept),
    ):
        print(name)
        for rates in group_error_rates(truth, decisions, group):
            label = "A" if rates.group == 0 else "B"
            print(
                f"   group {label}: false negative rate {rates.false_negative_rate},"
                f" false positive rate {rates.false_positive_rate}"
            )

# %% nbgrader={"grade": true, "grade_id": "ex6-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
# Visible check: keep is a list of column names. It is checked at grading.
_names = list(keep) if isinstance(keep, list | tuple | set) else None
_say(
    bool(_names) and all(name in FEATURES for name in _names),
    "keep is a list of column names.",
    'keep should be a list of names from the five columns of exercise 2, such as ["hobby"].',
)
### BEGIN HIDDEN TESTS
_wanted = {"test_score", "experience"}
_picked = set(_names or []) & set(FEATURES)
_share = max(len(_picked & _wanted) - len(_picked - _wanted), 0) / len(_wanted)
_lines = []
if _picked - _wanted:
    _lines.append(
        "✘ Look again at a neighbourhood, a school or a hobby club: does it say whether someone can do the job, and how much of the group does it give away in the audit?"
    )
if _wanted - _picked:
    _lines.append(
        "✘ Look again at the columns that describe the person's own skill: a model with nothing to decide from cannot tell the qualified apart."
    )
Score(_share, 1, _lines or ["✔ Correct."]).report()
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex7-text", "schema_version": 3}
# ### Exercise 7 · What did the experiment show? (2 points)
#
# Look at the two models' rates above (with `keep` set to the test score and experience only).
# Choose **every** statement that is true, as a string of letters such as `"a, c"`. Each right
# letter counts for you, each wrong one against you.
#
# - **a.** With only the group column removed, the qualified applicants of one group were
#   turned down much more often than those of the other.
# - **b.** With the neighbourhood, school and hobby removed as well, the two groups' false
#   negative rates came closer together.
# - **c.** The model that uses only the test score and experience turns down almost none of
#   the qualified applicants, so it is fair in every way.
# - **d.** The past decisions the models learnt from were biased, so a model that copies them
#   well can copy the bias.
# - **e.** A model that never sees the group column cannot treat the groups differently.

# %% nbgrader={"grade": false, "grade_id": "ex7-answer", "locked": false, "solution": true, "schema_version": 3}
true_statements = ...  # your answer: letters, such as "a, c"
### BEGIN SOLUTION
true_statements = "a, b, d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex7-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible check: the answer is made of the letters a to e. It is checked at grading.
checks.letters(true_statements, "true_statements")
### BEGIN HIDDEN TESTS
checks.choice(
    true_statements,
    {"a", "b", "d"},
    points=2,
    hints={
        "a": "Look again at the first model's false negative rates for groups A and B.",
        "b": "Look again at how far apart the two groups' false negative rates are, first model against second.",
        "c": "Look again at the second model's false negative rates: how many qualified people does it still turn down, in both groups?",
        "d": "Look again at the column hired: whom did the town's past decisions turn down?",
        "e": "Look again at exercise 4: which model made those mistakes?",
    },
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "after-text", "schema_version": 3}
# Removing the proxies helped here, but only because this town is simple and we knew which
# columns were proxies. In real data a proxy can hide in a combination of many columns, and a
# column can be both useful for the job and tied to the group. The second model also shows a
# deeper problem: it still learnt from biased past decisions, so it now turns down many
# qualified people of *both* groups. PAIR's explorable makes the same points: training on
# past data bakes in past bias, and hiding the protected attribute does not always stop the
# model discriminating; it even shows a case where including the attribute reduces
# discrimination [1]. What helps is to measure: compare the mistakes for every group, as you
# did, and question where the labels came from.

# %% [markdown] nbgrader={"grade": false, "solution": false, "task": true, "points": 0, "locked": true, "grade_id": "ex8-text", "schema_version": 3}
# ### Exercise 8 · Reply to the company (3 points, read by your teacher)
#
# The company's manager says: "We removed the group column, so our model cannot be biased."
# Write a reply of four to six sentences that the manager could follow. Use your own numbers
# from this notebook. Your reply should:
#
# 1. say what a proxy is, and name one proxy from your town with how well it gives the group
#    away;
# 2. say what your error rates per group show, with the numbers;
# 3. suggest one thing the company should do instead of only removing the column, and why.
#
# Your teacher reads this answer; it is not checked by the computer.
#
# ### BEGIN MARK SCHEME
# **Rubric (3 points, 1 per part).**
# 1. Defines a proxy correctly (a column that carries information about the group, so a model
#    can use it in the group's place) and names one from the learner's own audit with a figure,
#    such as its accuracy against the base rate. A definition without an example, or an example
#    without a definition, earns half.
# 2. Reports the main model's false negative rates (or false positive rates) for both groups
#    with numbers, and says which group is harmed and how (qualified people turned down). Only
#    "one group is treated worse" without numbers earns half.
# 3. Suggests a concrete step and says why it helps, for example: audit the error rates of
#    every group before and after deployment; check the past decisions (labels) for bias and
#    find better evidence of who was qualified; remove or question columns that say little
#    about the job but give the group away; keep the group column for measuring bias; let a
#    person stay accountable for the decisions. "Remove the proxies" alone earns full marks
#    only if the reply also notes that the labels stay biased or that proxies can be hard to
#    find.
# Accept any accurate wording; spelling and grammar are not marked.
# ### END MARK SCHEME

# %% [markdown] nbgrader={"grade": true, "grade_id": "ex8-reply", "locked": false, "points": 3, "solution": true, "schema_version": 3}
# ### BEGIN SOLUTION
# A proxy is a column that carries much of the same information as the group, so a model can
# use it instead: in my town the school gives the group away for 93% of applicants, against
# 60% for always guessing the larger group. Your model turns down 68% of the qualified people
# in group A but only 29% in group B, even though it never sees the group. It learnt this from
# the past decisions, which were unfair to group A, and it found group A through the proxies.
# Instead of only removing the column, check the error rates of each group before using the
# model, and look for better evidence of who was really qualified than past decisions.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "look-back-text", "schema_version": 3}
# ## Look back at your prediction
#
# Run the cell below to see what you predicted at the start. Did the audit agree with you?
# If not, what surprised you?

# %% nbgrader={"grade": false, "grade_id": "look-back", "locked": true, "solution": false, "schema_version": 3}
_said = {
    "a": "a: a model that cannot see the group cannot treat the groups differently.",
    "b": "b: it can still treat the groups differently.",
}
print("You predicted", _said.get(str(my_prediction).strip().lower(), "nothing yet."))

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "references", "schema_version": 3}
# ## References
#
# 1. Google People + AI Research (PAIR). *Hidden Bias*. PAIR AI Explorables (2020),
#    pair.withgoogle.com/explorables/hidden-bias. (A model trained on past data learns past
#    bias; hiding a protected attribute does not always stop it, because other columns can
#    stand in for it; including the attribute can sometimes reduce discrimination.)
# 2. UNESCO (2024). *AI competency framework for students*, by F. Miao, K. Shiohira and
#    N. Lao. Paris: UNESCO. doi:10.54675/JKJB9835. (Four dimensions: a human-centred mindset,
#    the ethics of AI, AI techniques and applications, and AI system design.)
# 3. Barocas, S., Hardt, M., & Narayanan, A. (2023). *Fairness and Machine Learning:
#    Limitations and Opportunities*. MIT Press; fairmlbook.org. (Protected attributes;
#    redundant encodings, so removing an attribute is not enough; comparing error rates
#    across groups as a fairness criterion.)
