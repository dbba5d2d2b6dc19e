# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "intro", "schema_version": 3}
# # Module 11 · Capstone: be the safety institute
#
# *About 45 minutes.*
#
# A company sells a hiring model to a town. Its sales sheet says: **"Our model is safe to use. It
# never sees which group an applicant belongs to, it is right about 7 times in 10, it keeps
# working when things change, and anyone can reproduce our results."** Today you are the safety
# institute: you decide what to check, you check it on the real model with code, and you write
# the evaluation report. Then you measure yourself once more, as you did in module 0, and see
# what has changed.
#
# **By the end of this module you can**
# 1. decide which of the ten AISI evaluation perspectives apply to an AI system, and say why a
#    perspective does not apply;
# 2. measure a model's fairness, data quality, robustness, explainability and reproducibility
#    with a few lines of code;
# 3. write an evaluation report that backs each finding with a number and names what it could
#    not check;
# 4. compare your own reliance on AI with module 0, and read an undefined measure correctly.
#
# **What you will do**
# 1. Choose the perspectives that apply to the hiring model (about 5 minutes).
# 2. Audit the model: the bias audit, then four short measurements in code (about 20 minutes).
# 3. Write your evaluation report. Your teacher reads it and gives its points (about 10 minutes).
# 4. Retake the reliance trial and compare your figures with module 0 (about 10 minutes).
#
# Most answers are checked by the computer when your teacher grades this notebook.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "aisi", "schema_version": 3}
# ## The safety institute and its ten perspectives
#
# Japan's AI Basic Plan (December 2025) asks for a larger AI Safety Institute (AISI), the public
# body that evaluates how safe AI systems are [2]. In September 2024 the AISI published a *Guide
# to Evaluation Perspectives on AI Safety*, for the companies that build or offer AI systems; its
# version 1.10 came out in March 2025 [1]. The guide was written mainly for AI systems built on
# large language models, such as chatbots, and it lists ten **evaluation perspectives**: ten
# questions an evaluator asks of a system [1]. In plain words:
#
# | letter | perspective | the question it asks |
# |---|---|---|
# | a | control of toxic output | Does it produce harmful or offensive content? |
# | b | prevention of misinformation, disinformation and manipulation | Does it produce false content, or push people's opinions? |
# | c | fairness and inclusion | Does it treat some groups of people worse than others? |
# | d | addressing high-risk use and unintended use | Could it be used where mistakes cost people a lot, or for purposes it was not made for? |
# | e | privacy protection | Does it expose information about real people? |
# | f | ensuring security | Could an attacker fool it, steal it, or poison what it learns from? |
# | g | explainability | Can someone find out why it decided what it did? |
# | h | robustness | Does it keep working when its inputs change a little, or in ways nobody planned? |
# | i | data quality | Is the data it learnt from correct, complete and free of unfair patterns? |
# | j | verifiability | Can others check and reproduce how it was made and how it behaves? |
#
# Not every perspective fits every system. A perspective **applies** when the system could fail
# in that way, given what it puts out and how it is used. An evaluator first decides which
# perspectives apply, and says why the others do not.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "model-text", "schema_version": 3}
# ## The system you evaluate
#
# It is the hiring model you met in module 5. The town and its people are invented: for each
# applicant the table has a group (A or B, the *protected attribute*: a fact about a person on
# which they must not be treated worse [5]), a neighbourhood, a school, a hobby club, an
# aptitude test score and years of experience. The model learnt from the town's past hiring
# decisions (the column `hired`), which were unfair to one group. It never sees the group. For
# each applicant it puts out one thing: **hire (1) or do not hire (0)**. In this invented town
# we also know who would really have done the job well (the column `qualified`), so we can check
# its decisions against the truth.
#
# ### Exercise 1 · Which perspectives apply? (3 points)
#
# Choose **every** perspective, from the table above, that applies to this hiring model. Write
# the letters as a string, such as `"a, c, f"`. You earn points for each right letter and lose
# them for each wrong one. Think about what the model puts out, and what its decisions do to
# people.

# %% nbgrader={"grade": false, "grade_id": "ex1-answer", "locked": false, "solution": true, "schema_version": 3}
applies = ...  # your answer: letters, such as "a, c, f"
### BEGIN SOLUTION
applies = "c, d, e, f, g, h, i, j"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex1-test", "locked": true, "points": 3, "solution": false, "schema_version": 3}
from thinktwice.autograder import Score, checks

# Visible check: the answer is made of the letters a to j. It is checked at grading.
checks.letters(applies, "applies", options="abcdefghij")
### BEGIN HIDDEN TESTS
checks.choice(
    applies,
    {"c", "d", "e", "f", "g", "h", "i", "j"},
    points=3,
    hints={
        "a": "Look again at what the model puts out: one decision per applicant, never words or pictures. Could that be offensive content?",
        "b": "Look again at what the model puts out: a hire-or-not decision cannot tell anyone a false story.",
        "c": "Look again at who the model decides about: people in two groups, and past decisions that were unfair to one of them.",
        "d": "Look again at what the model is used for: who gets a job. What does a wrong decision cost an applicant?",
        "e": "Look again at what the model learnt from: a row of facts about each applicant. In a real town, whose facts would those be?",
        "f": "Look again at who might want to fool a hiring model, or change the data it learns from.",
        "g": "Look again at what an applicant who was turned down would ask the company.",
        "h": "Look again at what happens to a model when the test or the applicants change after it was made.",
        "i": "Look again at where the labels it learnt from came from: past decisions.",
        "j": "Look again at the sales sheet: 'anyone can reproduce our results' is a claim someone should check.",
    },
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "audit-text", "schema_version": 3}
# ## Part 1 · Audit the model
#
# ### Fairness: the bias audit
#
# Start with the bias audit you know from module 5. It runs the real model on your own town.
# Work through all three parts:
#
# 1. Tick columns and fit a small model that guesses each applicant's group from them. Try
#    each column alone, then some together, and compare each accuracy with the *base rate*
#    (the accuracy of always guessing the larger group).
# 2. Read the hiring model's mistakes for each group. A *false negative* is a qualified person
#    turned down; the *false negative rate* is the share of the qualified people who were turned
#    down.
# 3. Answer its three questions. Only your first answer to each counts.
#
# Your work is saved as you go in `thinktwice-evidence.jsonl` beside this notebook.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "audit", "schema_version": 3}
from thinktwice.widgets import BiasAudit

audit = BiasAudit()
audit.view()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex2-text", "schema_version": 3}
# ### Exercise 2 · Finish the audit (3 points)
#
# The check reads your saved work in the audit: whether you fitted at least two different sets
# of columns, and your three answers.

# %% nbgrader={"grade": true, "grade_id": "ex2-audit", "locked": true, "points": 3, "solution": false, "schema_version": 3}
checks.activity_score(BiasAudit(), points=3)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "probe-text", "schema_version": 3}
# ### The model in plain code
#
# The next cell rebuilds the company's model from your town's table, in plain code, so that you
# can probe it yourself. It is a *logistic regression*, a simple kind of machine-learning model
# that weighs each input and adds the weights up [7]. You do not need to change this cell; read
# it and run it. What you can use afterwards:
#
# - `table`: your town, one column per name, such as `table["hired"]` (an array of 0s and 1s);
# - `train` and `test`: which applicants the model learnt from (`train`), and the others
#   (`test`), as arrays of True and False. `table["hired"][train]` is the past decisions of the
#   training applicants;
# - `decide(rows)`: the model's decisions (1 = hire) on the test applicants of a table `rows`;
# - `changed(rows, column, values)`: a copy of a table with one column replaced;
# - `truth`: who among the test applicants was really qualified.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "probe", "schema_version": 3}
import numpy as np
from sklearn.linear_model import LogisticRegression

from thinktwice.widgets.bias_audit import FEATURES, PROXY_SIZES

table, train = audit.table_, audit.train_
test = ~train
truth = table["qualified"][test]
_scale = {c: (table[c][train].mean(), table[c][train].std()) for c in ("test_score", "experience")}


def columns(rows):
    """The model's inputs: each category as columns of 0s and 1s, each number rescaled."""
    parts = []
    for column in FEATURES:
        if column in PROXY_SIZES:
            parts.append(np.eye(PROXY_SIZES[column])[rows[column]])
        else:
            mean, spread = _scale[column]
            parts.append(((rows[column] - mean) / spread)[:, None])
    return np.hstack(parts)


def train_model():
    """Train the model on the past decisions of the training applicants."""
    return LogisticRegression().fit(columns(table)[train], table["hired"][train])


model = train_model()


def decide(rows):
    """The model's decisions (1 = hire) on the test applicants of the table ``rows``."""
    return model.predict(columns(rows)[test])


def changed(rows, column, values):
    """A copy of the table ``rows`` with ``column`` replaced by ``values``."""
    return {**rows, column: values}


accuracy_now = float(np.mean(decide(table) == truth))
accuracy_now

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex3-text", "schema_version": 3}
# That number is the share of test applicants on whom the model's decision matches the truth:
# check it against the sales sheet's "right about 7 times in 10".
#
# ### Exercise 3 · Data quality: the labels it learnt from (2 points)
#
# The model learnt from past decisions, not from the truth. How good were those labels? Among
# the **training** applicants of group A who were **qualified**, what share was recorded as
# **not hired** (`hired` is 0)? Set `missed_a` to it, and `missed_b` to the same share for group
# B. Group A is `table["group"] == 0` and group B is `table["group"] == 1`.
#
# A tip for arrays of True and False: `a & b` is True where both are, and
# `np.mean(values[pick] == 0)` is the share of zeros among the picked values.
#
# The test cell checks that each answer is a number from 0 to 1; the values are checked at
# grading, against your own town.

# %% nbgrader={"grade": false, "grade_id": "ex3-answer", "locked": false, "solution": true, "schema_version": 3}
missed_a = ...  # your answer: a number from 0 to 1
missed_b = ...  # your answer: a number from 0 to 1
### BEGIN SOLUTION
_qualified_in = [train & (table["group"] == k) & (table["qualified"] == 1) for k in (0, 1)]
missed_a, missed_b = (float(np.mean(table["hired"][pick] == 0)) for pick in _qualified_in)
### END SOLUTION
missed_a, missed_b

# %% nbgrader={"grade": true, "grade_id": "ex3-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Checks the form only: are missed_a and missed_b numbers from 0 to 1? (Checked at grading.)
_form = checks.number_between(missed_a, "missed_a", 0, 1)
_form = checks.number_between(missed_b, "missed_b", 0, 1)
### BEGIN HIDDEN TESTS
_town = BiasAudit().start()
_t, _tr = _town.table_, _town.train_
_want_a, _want_b = (
    float(np.mean(_t["hired"][_tr & (_t["group"] == k) & (_t["qualified"] == 1)] == 0))
    for k in (0, 1)
)
_parts = [
    checks.close_to(
        value,
        expected,
        points=1,
        tol=0.005,
        hint=f"{name}: look again at which applicants you count: only the training applicants of the group, and among them only the qualified ones. Then count those recorded as not hired.",
    )
    for name, value, expected in (("missed_a", missed_a, _want_a), ("missed_b", missed_b, _want_b))
]
Score(sum(part.points for part in _parts), 2)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex4-text", "schema_version": 3}
# ### Exercise 4 · Robustness: a harder test (2 points)
#
# Next year the town switches to a harder aptitude test, and every applicant scores 10 points
# lower than they would have. The applicants are just as good at the job as before: `truth` does
# not change. Only the model's input changes.
#
# **Predict first.** Before you compute anything, write what you expect the model's accuracy on
# the test applicants to do: `"down"`, `"same"` or `"up"`. This prediction is not graded.

# %% nbgrader={"grade": false, "grade_id": "ex4-prediction", "locked": false, "solution": true, "schema_version": 3}
my_prediction = ...  # your prediction: "down", "same" or "up"
### BEGIN SOLUTION
my_prediction = "down"
### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex4-measure-text", "schema_version": 3}
# Now measure. Make the harder test's scores with
# `np.clip(table["test_score"] - 10, 0, 100)` (scores stay between 0 and 100), put them in a copy
# of the table with `changed`, and set `accuracy_harder_test` to the model's accuracy against
# `truth` on that copy, the way `accuracy_now` was computed in the probe cell. (Wrapping a
# result in `float(...)`, as there, shows it as a plain number.)
#
# The test cell checks that your answer is a number from 0 to 1; its value is checked at
# grading.

# %% nbgrader={"grade": false, "grade_id": "ex4-answer", "locked": false, "solution": true, "schema_version": 3}
accuracy_harder_test = ...  # your answer: a number from 0 to 1
### BEGIN SOLUTION
harder = changed(table, "test_score", np.clip(table["test_score"] - 10, 0, 100))
accuracy_harder_test = float(np.mean(decide(harder) == truth))
### END SOLUTION
accuracy_now, accuracy_harder_test

# %% nbgrader={"grade": true, "grade_id": "ex4-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Checks the form only: is accuracy_harder_test a number from 0 to 1? (Checked at grading.)
_form = checks.number_between(accuracy_harder_test, "accuracy_harder_test", 0, 1)
### BEGIN HIDDEN TESTS
_harder = changed(table, "test_score", np.clip(table["test_score"] - 10, 0, 100))
checks.close_to(
    accuracy_harder_test,
    float(np.mean(decide(_harder) == truth)),
    points=2,
    tol=0.005,
    hint="Look again at what you compare: the model's decisions on the copy with the lower scores, against truth (who was really qualified), not against the past decisions.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex5-text", "schema_version": 3}
# Compare with your prediction. The model learnt that a score of, say, 55 means a certain
# chance of being hired; it cannot know that 55 on the new test means what 65 meant on the old
# one. Nothing about the applicants changed, yet its decisions did.
#
# ### Exercise 5 · Explainability: what does the model lean on? (2 points)
#
# One way to see what a model depends on is to **shuffle** one column among the test applicants
# (give each applicant someone else's value) and count how many decisions change. A column the
# model ignores changes nothing; a column it leans on changes many decisions. This is a close
# cousin of *permutation importance* [7]. The function below does it:

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "shuffle", "schema_version": 3}
def changed_by_shuffling(column, seed=0):
    """The share of test decisions that change when the column is shuffled among test applicants."""
    values = table[column].copy()
    values[test] = np.random.default_rng(seed).permutation(values[test])
    return float(np.mean(decide(changed(table, column, values)) != decide(table)))


FEATURES

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex5-ask", "schema_version": 3}
# Use `changed_by_shuffling` on each of the five columns in `FEATURES`. Then set:
#
# - `leans_on_most` to the column that changes the most decisions;
# - `leans_on_proxy` to the one, among the three proxies `"neighbourhood"`, `"school"` and
#   `"hobby"`, that changes the most decisions. (A *proxy* is a column that carries much of the
#   same information as the group, as you saw in the audit.)
#
# Write each as a column name in quotes, such as `"hobby"`. Use the default `seed`. The test
# cell checks that each is one of the column names; which ones is checked at grading.

# %% nbgrader={"grade": false, "grade_id": "ex5-answer", "locked": false, "solution": true, "schema_version": 3}
leans_on_most = ...  # your answer: a column name, such as "hobby"
leans_on_proxy = ...  # your answer: "neighbourhood", "school" or "hobby"
### BEGIN SOLUTION
_shares = {column: changed_by_shuffling(column) for column in FEATURES}
leans_on_most = max(_shares, key=_shares.get)
leans_on_proxy = max(PROXY_SIZES, key=_shares.get)
### END SOLUTION
leans_on_most, leans_on_proxy

# %% nbgrader={"grade": true, "grade_id": "ex5-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible check: each answer is one of the column names in FEATURES. Which ones is checked at
# grading.
for _name, _value in (("leans_on_most", leans_on_most), ("leans_on_proxy", leans_on_proxy)):
    if _value in FEATURES:
        print(f"✔ {_name} is a column name. It is checked at grading.")
    else:
        print(f"✘ {_name} should be one of the column names, such as \"hobby\".")
### BEGIN HIDDEN TESTS
_shares_check = {column: changed_by_shuffling(column) for column in FEATURES}
_parts = [
    checks.matches_digest(
        leans_on_most,
        checks.digest(max(_shares_check, key=_shares_check.get)),
        points=1,
        hint="leans_on_most: look again at the share of decisions that change for each of the five columns, and take the largest.",
    ),
    checks.matches_digest(
        leans_on_proxy,
        checks.digest(max(PROXY_SIZES, key=_shares_check.get)),
        points=1,
        hint="leans_on_proxy: look again at the shares of the three proxies only, and take the largest of those.",
    ),
]
Score(sum(part.points for part in _parts), 2)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex6-text", "schema_version": 3}
# ### Exercise 6 · Verifiability and privacy: rebuild it, and look for memorising (1 point)
#
# The sales sheet says anyone can reproduce the results. Check it: your town is made from a
# *seed*, a number that fixes every random choice, worked out from your learner id. Rebuild the
# audit with `BiasAudit().start()`, train the model again with `train_model()`, and compare:
# is the rebuilt table the same as `table`, and are the retrained model's decisions on the test
# applicants the same as `decide(table)`? `np.array_equal(x, y)` says whether two arrays are
# equal. Set `reproducible` to `True` if both are the same, else `False`.
#
# The cell also shows the model's accuracy against the past decisions on the applicants it
# learnt from and on the others. A model that *memorised* individuals (and so could give away
# facts about them) would score much higher on the rows it learnt from than on new ones.
#
# The test cell checks that your answer is `True` or `False`; which one is checked at grading.

# %% nbgrader={"grade": false, "grade_id": "ex6-answer", "locked": false, "solution": true, "schema_version": 3}
reproducible = ...  # your answer: True or False
### BEGIN SOLUTION
_again = BiasAudit().start()
_same_table = all(np.array_equal(_again.table_[c], table[c]) for c in table)
_retrained = train_model().predict(columns(table)[test])
reproducible = bool(_same_table and np.array_equal(_retrained, decide(table)))
### END SOLUTION
on_rows_it_learnt = float(np.mean(model.predict(columns(table)[train]) == table["hired"][train]))
on_new_rows = float(np.mean(decide(table) == table["hired"][test]))
reproducible, on_rows_it_learnt, on_new_rows

# %% nbgrader={"grade": true, "grade_id": "ex6-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
# Visible check: reproducible is True or False. Which one is checked at grading.
if isinstance(reproducible, bool | np.bool_):
    print("✔ reproducible is True or False. It is checked at grading.")
else:
    print("✘ reproducible should be True or False (no quotes).")
### BEGIN HIDDEN TESTS
checks.matches_digest(
    bool(reproducible) if isinstance(reproducible, np.bool_) else reproducible,
    checks.digest(True),
    points=1,
    hint="Look again at what you compared: rebuild the town from its seed and train the model again, then compare the tables and the decisions.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "beyond", "schema_version": 3}
# ### What you did not measure
#
# An honest report also says what it could not check. You did not attack the model (security),
# and this town's people are invented, so no real person's privacy was at stake here; a real
# town's table would hold personal data. Hiring is a use where a mistake costs a person a job:
# the European Union's AI Act lists AI systems for recruiting and selecting people among its
# *high-risk* uses [6]. Keep these in mind for your report.

# %% [markdown] nbgrader={"grade": false, "solution": false, "task": true, "points": 0, "locked": true, "grade_id": "ex7-text", "schema_version": 3}
# ### Exercise 7 · Your evaluation report (4 points, read by your teacher)
#
# Write the safety institute's report on the hiring model, in six to ten sentences, for the
# town council. Use your own numbers from this notebook. Your report should:
#
# 1. say which perspectives apply, and why one that you left out does not apply;
# 2. give at least three findings, each with a number (for example the false negative rates of
#    the two groups, the labels' missed shares, the accuracy before and after the harder test,
#    what the model leans on, whether the results could be reproduced);
# 3. say, claim by claim, which parts of the sales sheet hold and which do not;
# 4. recommend what the town should do, and name one thing your evaluation could not check.
#
# Write in the cell below, replacing its text. Your teacher reads your report and gives its
# four points. If you see feedback before your teacher has read it, this question may show
# 0 points: that is not your mark, only a sign that it has not been read yet.
#
# ### BEGIN MARK SCHEME
# **Rubric (4 points, 1 per part).**
# 1. Perspectives: names the ones that apply and gives a correct reason for one that does not
#    (toxic output or misinformation: the model puts out a hire-or-not decision, no content).
#    A list without any reason earns half.
# 2. Findings: at least three findings from the learner's own run, each with a number, such as
#    the false negative rates of both groups, missed_a and missed_b, the accuracy before and
#    after the harder test, the column the model leans on most or the proxy it leans on, and
#    the reproducibility result. Two findings with numbers earn half.
# 3. The sales sheet: says that "never sees the group" is true but does not make it fair
#    (proxies, biased labels); that the accuracy figure is checked (holds or not, with the
#    number); that it does not keep working when the test changes (with the drop); and that the
#    results could be reproduced. Three of the four claims judged correctly earn the point;
#    two earn half.
# 4. Recommendation and limit: a concrete recommendation (do not use it for final decisions;
#    keep a person accountable; re-check error rates per group; find better labels than past
#    decisions; re-test whenever the inputs change) and one honest limit (security was not
#    tested; the people are invented, so privacy was not tested on real data; the truth column
#    does not exist in real life). Either alone earns half.
# Accept any accurate wording; spelling and grammar are not marked.
# ### END MARK SCHEME

# %% [markdown] nbgrader={"grade": true, "grade_id": "ex7-report", "locked": false, "points": 4, "solution": true, "schema_version": 3}
# ### BEGIN SOLUTION
# Eight of the ten perspectives apply: the model decides about people, so fairness, high-risk
# use, privacy, security, explainability, robustness, data quality and verifiability all
# matter. Toxic output and misinformation do not apply, because the model only puts out
# "hire" or "do not hire" and never any words or pictures. The model never sees the group,
# but it turns down 66% of the qualified people in group B against 30% in group A, because the
# school column gives the group away and the past decisions it learnt from missed 38% of the
# qualified people of group B and none of group A. It is right on 72% of the test applicants,
# so "7 times in 10" holds, but with a test that scores everyone 10 points lower its accuracy
# falls to 65%, so it does not keep working when things change. Shuffling the test score
# changes 35% of its decisions, and it leans on the school more than on any other proxy. I
# rebuilt the town and the model from the seed and got the same decisions, so the results can
# be reproduced. The town should not let the model decide alone: a person should make and
# answer for each decision, and the company should find better labels than past decisions. I
# could not test its security, and the people here are invented, so privacy was not tested.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "trial-text", "schema_version": 3}
# ## Part 2 · Measure yourself again
#
# In module 0 you read twelve handwritten digits with an AI's advice, and measured how you
# leaned on it. Now take the trial once more, in the same way: lock in your own answer and how
# sure you are, see the AI's answer, then give your final answer. Deciding before seeing the
# AI's answer is a "cognitive forcing" design, shown to reduce over-reliance on AI [4].
#
# This time you get **form B**: different digits from module 0, but matched to yours case by
# case, with the same kinds of cases (where the AI is wrong, right, or right on a harder digit)
# and nearly the same AI confidence. So a change in your figures measures you, not your memory
# of the cases. As before, only finishing counts, never agreeing with the AI.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "trial", "schema_version": 3}
from thinktwice.widgets import RelianceTrial

trial = RelianceTrial(form="B")
trial.view()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex8-text", "schema_version": 3}
# ### Exercise 8 · Complete the trial (2 points)
#
# Answer all twelve cases above. The check reads your saved answers and counts how many cases
# you have completed.

# %% nbgrader={"grade": true, "grade_id": "ex8-trial-completed", "locked": true, "points": 2, "solution": false, "schema_version": 3}
checks.reliance_trial_completed(points=2, form="B")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "review-text", "schema_version": 3}
# ## Your cases, and your change since module 0
#
# Run the next cell once you have finished: it shows each case again with the right digit, and
# your figures. The cell after it compares four of them with module 0:
#
# - **RAIR** (relative AI reliance): of the cases where the AI was right and you were first
#   wrong, how often you switched to the AI. High is good [3].
# - **RSR** (relative self-reliance): of the cases where you were first right and the AI was
#   wrong, how often you kept your answer. High is good [3].
# - **Over-reliance**: of the cases where the AI was wrong, how often your final answer followed
#   it. Low is good.
# - **Brier score**: the mean of (confidence − outcome)², where the outcome is 1 when your final
#   answer was right and 0 when it was wrong; it shows how well your confidence matched your
#   accuracy. 0 is perfect [8].
#
# Module 0's results are read from its folder beside this one, where the assignment list put
# it. If they are not there (you did not do module 0, you keep it in another folder, or the
# notebook is being graded on its own), the table says so, and only your retake is shown. These
# figures are never graded. A measure with no case to count is **undefined**, and so is any
# change that involves it: undefined is not the same as 0%.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "review", "schema_version": 3}
trial.report()

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "progress", "schema_version": 3}
from thinktwice.widgets.reliance_progress import progress

progress(trial)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex9-text", "schema_version": 3}
# ### Exercise 9 · A change that stays undefined (2 points)
#
# Write `change(before, after)`: the figure now minus the figure in module 0, as a number. A
# figure that is undefined is `None`. When either figure is `None`, the change is undefined too:
# return `None`, never 0.
#
# The test cell tries your function on examples. The two you see: RAIR went from 0.5 to 0.75,
# so the change is 0.25; over-reliance went from 0.8 to 0.6, so the change is about -0.2. More
# examples are checked at grading.

# %% nbgrader={"grade": false, "grade_id": "ex9-answer", "locked": false, "solution": true, "schema_version": 3}
def change(before, after):
    """The figure after minus the figure before, or None when either is undefined (None)."""
    ### BEGIN SOLUTION
    if before is None or after is None:
        return None
    return after - before
    ### END SOLUTION
    return ...  # replace ... with your answer


# %% nbgrader={"grade": true, "grade_id": "ex9-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
_cases = [
    checks.Case((0.5, 0.75), 0.25, what="RAIR from 0.5 to 0.75"),
    checks.Case((0.8, 0.6), -0.2, what="over-reliance from 0.8 to 0.6"),
]
### BEGIN HIDDEN TESTS
_cases += [
    checks.Case(
        (None, 0.3),
        None,
        hint="What should the change be when the figure in module 0 was undefined?",
        hidden=True,
    ),
    checks.Case(
        (0.4, None),
        None,
        hint="What should the change be when the figure now is undefined?",
        hidden=True,
    ),
    checks.Case((None, None), None, hint="And when both are undefined?", hidden=True),
    checks.Case((0.7, 0.7), 0.0, hint="What if nothing changed?", hidden=True),
]
### END HIDDEN TESTS
checks.score_function(change, _cases, points=2)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "closing", "schema_version": 3}
# ## Looking back
#
# You began this course by measuring how you lean on an AI, and you end it by evaluating one.
# Both are the same habit: before you trust a system's answer, or a company's claim about it,
# decide what would show it wrong, and check. Look at your table above. Where your figures
# changed, was it the course, or the cases? Where a measure stayed undefined, what kind of case
# would you have needed to measure it?

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "references", "schema_version": 3}
# ## References
#
# 1. Japan AI Safety Institute (AISI) and Information-technology Promotion Agency (IPA).
#    *Guide to Evaluation Perspectives on AI Safety*, version 1.10 (28 March 2025; version 1.00
#    September 2024). (The ten evaluation perspectives; written for developers and providers
#    of AI systems built on large language models.)
# 2. Government of Japan, Cabinet Office. *AI Basic Plan* (Cabinet decision, December 2025),
#    under the *Act on the Promotion of Research, Development and Utilization of AI-Related
#    Technologies* (May 2025). (A larger AI Safety Institute that evaluates AI safety.)
# 3. Schemmer, M., Kuehl, N., Benz, C., Bartos, A., & Satzger, G. (2023). Appropriate reliance on
#    AI advice: conceptualization and the effect of explanations. *Proceedings of IUI 2023*.
#    (Definitions of RAIR and RSR.)
# 4. Buçinca, Z., Malaya, M. B., & Gajos, K. Z. (2021). To trust or to think: cognitive forcing
#    functions can reduce overreliance on AI in AI-assisted decision-making. *Proceedings of the
#    ACM on Human-Computer Interaction*, 5(CSCW1).
# 5. Barocas, S., Hardt, M., & Narayanan, A. (2023). *Fairness and Machine Learning:
#    Limitations and Opportunities*. MIT Press; fairmlbook.org. (Protected attributes; error
#    rates compared across groups.)
# 6. Regulation (EU) 2024/1689 of the European Parliament and of the Council (the AI Act),
#    Annex III, point 4: AI systems intended for the recruitment or selection of people are
#    high-risk.
# 7. scikit-learn developers. *User Guide*: "Logistic regression" (section 1.1.11) and
#    "Permutation feature importance" (section 4.2), scikit-learn.org.
# 8. Brier, G. W. (1950). Verification of forecasts expressed in terms of probability.
#    *Monthly Weather Review*, 78(1), 1–3.
