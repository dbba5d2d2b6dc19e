# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "intro", "schema_version": 3}
# # Module 9 · Privacy and re-identification
#
# *About 40 minutes.*
#
# A health board wants to share its patients' records with researchers. It says: "This data
# set is anonymous: we removed the names." In this module you test that claim on a table of
# invented patients, and then on a computer model trained on them.
#
# **By the end of this module you can**
# 1. say what a quasi-identifier is, and explain why removing the names does not make a table
#    anonymous;
# 2. count, in code, the rows that are unique on some columns, and find the k of a table;
# 3. make a table's details coarser until k is at least 5, and say what that costs the people
#    who use the data;
# 4. show that a model can remember the people it was trained on, and how an attacker can use
#    that.
#
# **What you will do:** predict how many patients can be singled out; count unique rows by hand
# and in code; use the re-identification lab to hide everyone in a crowd; find named people in
# a table without names; train a model that memorises and catch it; and write a short reply to
# the health board. Most answers are checked by the computer; the last one is read by your
# teacher.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "words", "schema_version": 3}
# ## Why this matters, and some words
#
# Japan's AI Basic Plan, approved by the Cabinet in December 2025, names privacy among the
# questions that people must think about clearly as AI spreads [1]. AI models are trained on
# data about people, so the question "can someone be found in this data?" comes before any
# model is built.
#
# - **Personal data** is information about a person who can be identified from it.
# - A **quasi-identifier** is a column that does not name anyone on its own, but that, combined
#   with other columns, can point to one person. Postcode, sex and birth date are the classic
#   three [2].
# - **Re-identification** is finding out whose row a "nameless" row is.
#
# How strong are those three columns? Latanya Sweeney, a computer scientist, combined United
# States census figures and estimated that 87% of the people in the United States were likely
# to be the only one with their 5-digit ZIP code (the US postcode), sex and date of birth [2].
# She also showed how it works in practice: a state agency in Massachusetts released hospital
# records of state employees and their families without their names but with ZIP code, birth date and sex. She
# bought the voter list of the city of Cambridge, which holds names with the same three
# columns, and found the governor's medical records: only six people in the city shared his
# birth date, only three of them were men, and he was the only one of those in his ZIP code [3].

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "predict-text", "schema_version": 3}
# ## Before you look: predict (not graded)
#
# Later you will meet an invented table of 3,000 patients who live in a few dozen postcodes.
# Each row has the person's postcode, sex and full birth date (day, month and year). What
# percentage of these 3,000 people do you think are the **only** one in the table with their
# postcode, sex and birth date? Write a number from 0 to 100, then run the cell. It is not
# graded: you will come back to it at the end.

# %% nbgrader={"grade": false, "grade_id": "prediction", "locked": false, "solution": true, "schema_version": 3}
my_prediction = ...  # your prediction: a percentage from 0 to 100, such as 30
### BEGIN SOLUTION
my_prediction = 30
### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "small-text", "schema_version": 3}
# ## Part 1 · Count by hand, then in code
#
# Here is a small released table of ten patients of an invented clinic. There are no names.
# In Python it is a list of rows, and each row is a *dictionary*: `row["postcode"]` is that
# row's postcode. Run the cell to see it.

# %% nbgrader={"grade": false, "grade_id": "small-table", "locked": true, "solution": false, "schema_version": 3}
clinic = [
    {"postcode": "13121", "sex": "F", "birth_date": "1984-03-02", "diagnosis": "asthma"},
    {"postcode": "13121", "sex": "F", "birth_date": "1984-03-02", "diagnosis": "none"},
    {"postcode": "13121", "sex": "M", "birth_date": "1990-07-15", "diagnosis": "diabetes"},
    {"postcode": "13125", "sex": "F", "birth_date": "1975-11-30", "diagnosis": "depression"},
    {"postcode": "13125", "sex": "M", "birth_date": "1975-11-30", "diagnosis": "none"},
    {"postcode": "13125", "sex": "M", "birth_date": "1975-11-30", "diagnosis": "heart disease"},
    {"postcode": "13125", "sex": "M", "birth_date": "1975-11-30", "diagnosis": "none"},
    {"postcode": "13128", "sex": "F", "birth_date": "2001-05-09", "diagnosis": "asthma"},
    {"postcode": "13128", "sex": "F", "birth_date": "1962-01-21", "diagnosis": "diabetes"},
    {"postcode": "13128", "sex": "M", "birth_date": "1990-07-15", "diagnosis": "none"},
]

print("row  postcode  sex  birth date   diagnosis")
for number, row in enumerate(clinic, start=1):
    print(
        f"{number:>3}  {row['postcode']:<8}  {row['sex']:<3}  {row['birth_date']}   {row['diagnosis']}"
    )

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex1-text", "schema_version": 3}
# ### Exercise 1 · Unique rows, by hand (1 point)
#
# A row is **unique** on some columns when no other row has the same values in all of those
# columns. How many of the ten rows are unique on postcode, sex and birth date together? Count
# on paper and write a whole number.

# %% nbgrader={"grade": false, "grade_id": "ex1-answer", "locked": false, "solution": true, "schema_version": 3}
unique_by_hand = ...  # your answer: a whole number from 0 to 10
### BEGIN SOLUTION
unique_by_hand = 5
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex1-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
from thinktwice.autograder import Score, checks

# Visible check: the answer is a number from 0 to 10. It is checked at grading.
checks.number_between(unique_by_hand, "unique_by_hand", 0, 10)
### BEGIN HIDDEN TESTS
checks.close_to(
    unique_by_hand,
    5,
    points=1,
    tol=0,
    hint="Look again at each row: it counts only if no other row has the same postcode AND the same sex AND the same birth date. Rows 1 and 2 match each other, so neither counts.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex2-text", "schema_version": 3}
# ### Exercise 2 · Unique rows, in code (3 points)
#
# Counting by hand does not work for 3,000 rows. Write `count_unique(rows, columns)`:
# `rows` is a list of dictionaries like `clinic`, and `columns` is a list of column names, such
# as `["postcode", "sex"]`. It returns how many rows are unique on those columns, as a whole
# number.
#
# A tip: for each row, make a *tuple* (a list of values that cannot change, written with round
# brackets) of its values in those columns, such as `tuple(row[c] for c in columns)`. Two rows match when their tuples are equal. Count how often
# each tuple appears, for example with a dictionary or with `collections.Counter`. Then count the
# rows whose tuple appears only once.


# %% nbgrader={"grade": false, "grade_id": "ex2-answer", "locked": false, "solution": true, "schema_version": 3}
def count_unique(rows, columns):
    """How many rows no other row matches on all of ``columns``."""
    ### BEGIN SOLUTION
    from collections import Counter

    keys = [tuple(row[c] for c in columns) for row in rows]
    times = Counter(keys)
    return sum(1 for key in keys if times[key] == 1)
    ### END SOLUTION
    return ...  # replace ... with your answer


# %% nbgrader={"grade": true, "grade_id": "ex2-test", "locked": true, "points": 3, "solution": false, "schema_version": 3}
_three = [{"a": 1, "b": "x"}, {"a": 1, "b": "x"}, {"a": 2, "b": "x"}]
_cases = [
    checks.Case(
        (_three, ["a", "b"]),
        1,
        what="three rows, two of them the same",
        hint=(
            "Only the row that no other row matches counts."
            " Two rows that match each other are not unique."
        ),
    ),
    checks.Case(
        (_three, ["b"]),
        0,
        what="one column that every row shares",
        hint=(
            "When every row has the same value in the only column asked for,"
            " no row is unique."
        ),
    ),
]
### BEGIN HIDDEN TESTS
from thinktwice.widgets.reidentification import equivalence_classes as _classes

_cases += [
    checks.Case(
        (clinic, ["postcode", "sex", "birth_date"]),
        5,
        hint="Look again at the clinic's table: are you counting rows, not groups? A row counts when its group has one row.",
        hidden=True,
    ),
    checks.Case(
        (clinic, ["sex", "birth_date"]),
        3,
        hint="Look again at which columns you compare: use only the columns given in the list, not always the same three.",
        hidden=True,
    ),
    checks.Case(
        ([], ["postcode"]),
        0,
        hint="What if the table has no rows at all?",
        hidden=True,
    ),
    checks.Case(
        ([{"a": 3, "b": 1}, {"a": 1, "b": 3}], ["a", "b"]),
        2,
        hint="Look again at rows whose values are the same but in different columns: they do not match.",
        hidden=True,
    ),
]
_rng = __import__("numpy").random.default_rng(9)
_big = [
    {"postcode": str(p), "sex": int(s)}
    for p, s in zip(_rng.integers(0, 60, 400), _rng.integers(0, 2, 400), strict=True)
]
_sizes = _classes([(r["postcode"], r["sex"]) for r in _big])[1]
_cases.append(
    checks.Case(
        (_big, ["postcode", "sex"]),
        int((_sizes == 1).sum()),
        hint="Look again at a long table of 400 rows: does your function count every unique row?",
        hidden=True,
    )
)
### END HIDDEN TESTS
checks.score_function(count_unique, _cases, points=3)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "k-text", "schema_version": 3}
# ## The number k
#
# Group the rows that share exactly the same values in the chosen columns. The size of the
# **smallest** group is called **k**, and the table is then called **k-anonymous** [3]. If k
# is 1, at least one person is alone in their group and can be picked out. If k is 5, anyone
# who matches a row finds at least 5 people who look the same, and can only guess which one
# they are after. For the clinic on postcode, sex and birth date, k is 1.
#
# ### Exercise 3 · The k of a table (2 points)
#
# Write `smallest_k(rows, columns)`: the size of the smallest group of rows that share the
# same values in `columns`. A table with no rows has no groups, so return `None`.
# Your `count_unique` is a good start: the same tuples and counts work here.


# %% nbgrader={"grade": false, "grade_id": "ex3-answer", "locked": false, "solution": true, "schema_version": 3}
def smallest_k(rows, columns):
    """The size of the smallest group of rows that match on all of ``columns``."""
    ### BEGIN SOLUTION
    from collections import Counter

    times = Counter(tuple(row[c] for c in columns) for row in rows)
    return min(times.values()) if times else None
    ### END SOLUTION
    return ...  # replace ... with your answer


# %% nbgrader={"grade": true, "grade_id": "ex3-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
_cases = [
    checks.Case(
        ([{"a": 1}, {"a": 1}, {"a": 2}, {"a": 2}, {"a": 2}], ["a"]),
        2,
        what="a group of two and a group of three",
        hint="k is the size of the smallest group, not the number of groups or of rows.",
    ),
]
### BEGIN HIDDEN TESTS
_cases += [
    checks.Case(
        (clinic, ["postcode"]),
        3,
        hint="Look again at the clinic's table with only the postcode: how many rows share each postcode?",
        hidden=True,
    ),
    checks.Case(
        (clinic, ["sex"]),
        5,
        hint="Look again at the clinic's table with only the sex column.",
        hidden=True,
    ),
    checks.Case(([], ["postcode"]), None, hint="What is k of a table with no rows?", hidden=True),
    checks.Case(
        (clinic, []),
        10,
        hint="With no columns to compare, every row matches every other: they are all one group.",
        hidden=True,
    ),
]
### END HIDDEN TESTS
checks.score_function(smallest_k, _cases, points=2)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "lab-text", "schema_version": 3}
# ## Part 2 · Hide everyone in a crowd
#
# Now the real size: the lab below holds 3,000 invented patients of an invented health board.
# Your table is your own: your neighbour's holds different people. The lab starts on the
# original table, with all the details kept.
#
# 1. Read the share of people who are alone in their group. Compare it with your prediction.
# 2. Make the details coarser with the three controls: keep fewer postcode digits (the last
#    digits become `*`), keep the birth date as a month, a year or a band of years, or leave
#    the sex column out. Watch k, the histogram and how useful the data stays for research.
# 3. Find a setting with k of at least 5 that keeps the data as useful as you can. Try several:
#    every setting you try is listed, and the most useful one with k of at least 5 counts.
# 4. Answer the question at the bottom of the lab.
#
# Your settings and answer are saved as you go in `thinktwice-evidence.jsonl` beside this
# notebook; if you run the cell again, the lab continues where you left off.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "lab", "schema_version": 3}
from thinktwice.widgets import ReidentificationLab

lab = ReidentificationLab()
lab.view()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex4-text", "schema_version": 3}
# ### Exercise 4 · The lab (3 points)
#
# The check below reads your saved work in the lab: 1 point for reaching k of at least 5,
# 1 point for keeping the data about as useful as the best setting with k of at least 5 allows
# (half a point if you come close), and 1 point for the question at the bottom of the lab.

# %% nbgrader={"grade": true, "grade_id": "ex4-lab", "locked": true, "points": 3, "solution": false, "schema_version": 3}
checks.activity_score(ReidentificationLab(), points=3)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex5-text", "schema_version": 3}
# ### Exercise 5 · Which settings hide everyone in your table? (2 points)
#
# Which of these settings give k of at least 5 **in your own table**? Set each one in the lab
# and read k. Choose every one that does, as a string of letters such as `"a, c"`. Each right
# letter counts for you, each wrong one against you.
#
# - **a.** 5 postcode digits, birth date as year only, sex kept
# - **b.** 2 postcode digits, birth date as a 10-year band, sex kept
# - **c.** 3 postcode digits, birth date as a 10-year band, sex left out
# - **d.** 1 postcode digit, birth date as year only, sex left out
# - **e.** 0 postcode digits, birth date as a 10-year band, sex left out

# %% nbgrader={"grade": false, "grade_id": "ex5-answer", "locked": false, "solution": true, "schema_version": 3}
reach_k5 = ...  # your answer: letters, such as "a, c"
### BEGIN SOLUTION
from thinktwice.widgets.reidentification import Setting

_options = {
    "a": Setting(5, "year", True),
    "b": Setting(2, "10y", True),
    "c": Setting(3, "10y", False),
    "d": Setting(1, "year", False),
    "e": Setting(0, "10y", False),
}
reach_k5 = ", ".join(x for x, s in _options.items() if lab.releases_[s].anonymity.meets_target)
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex5-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible check: the answer is made of the letters a to e. It is checked at grading, against
# your own table.
checks.letters(reach_k5, "reach_k5")
### BEGIN HIDDEN TESTS
from thinktwice.widgets.reidentification import Setting as _Setting

_lab = ReidentificationLab().start()
_settings = {
    "a": _Setting(5, "year", True),
    "b": _Setting(2, "10y", True),
    "c": _Setting(3, "10y", False),
    "d": _Setting(1, "year", False),
    "e": _Setting(0, "10y", False),
}
_hint = "Look again at setting {x} in the lab: set the three controls to it and read k, the size of the smallest group."
checks.choice(
    reach_k5,
    {x for x, s in _settings.items() if _lab.releases_[s].anonymity.meets_target},
    points=2,
    hints={x: _hint.format(x=x) for x in _settings},
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "link-text", "schema_version": 3}
# ## Part 3 · Break the claim: find people in a table without names
#
# Go back to the small clinic table of part 1. The clinic says it is anonymous because it has
# no names. But a sports club near the clinic publishes its members' list for a birthday
# greeting, with each member's name, postcode, sex and birth date. The names are invented.

# %% nbgrader={"grade": false, "grade_id": "club", "locked": true, "solution": false, "schema_version": 3}
club = [
    {"name": "Ren Aoki", "postcode": "13121", "sex": "M", "birth_date": "1990-07-15"},
    {"name": "Mei Sato", "postcode": "13121", "sex": "F", "birth_date": "1984-03-02"},
    {"name": "Sota Ito", "postcode": "13125", "sex": "M", "birth_date": "1975-11-30"},
    {"name": "Yui Kato", "postcode": "13128", "sex": "F", "birth_date": "1962-01-21"},
    {"name": "Aya Ueda", "postcode": "13130", "sex": "F", "birth_date": "1999-08-04"},
]

for member in club:
    print(f"{member['name']:<9} {member['postcode']}  {member['sex']}  {member['birth_date']}")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex6-text", "schema_version": 3}
# ### Exercise 6 · Who can be re-identified? (2 points)
#
# Joining two tables on the columns they share is called *linking* them. Link the club's list
# to the clinic's table on postcode, sex and birth date. For which members can you tell their
# diagnosis **for certain**? Write their names as a list, such as `["Aya Ueda"]`. Each right
# name counts for you, each wrong one against you. You may work it out on paper or in code.

# %% nbgrader={"grade": false, "grade_id": "ex6-answer", "locked": false, "solution": true, "schema_version": 3}
reidentified = ...  # your answer: a list of names, such as ["Aya Ueda"]
### BEGIN SOLUTION
reidentified = []
for member in club:
    diagnoses = {
        row["diagnosis"]
        for row in clinic
        if all(row[c] == member[c] for c in ("postcode", "sex", "birth_date"))
    }
    if len(diagnoses) == 1:
        reidentified.append(member["name"])
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex6-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible check: reidentified is a list of the club's names. It is checked at grading.
_names = [m["name"] for m in club]
_given = list(reidentified) if isinstance(reidentified, list | tuple | set) else None
_ok = bool(_given) and all(name in _names for name in _given)
print(
    "✔ reidentified is a list of the club's names."
    if _ok
    else '✘ reidentified should be a list of names from the club\'s list, such as ["Aya Ueda"].'
)
if _ok and not checks.grading():
    print("   These checks pass. More checks run when your teacher grades this notebook.")
### BEGIN HIDDEN TESTS
_right = {"Ren Aoki", "Yui Kato"}
_picked = set(_given or []) & set(_names)
_lines = []
if _picked - _right:
    _lines.append(
        "✘ At least one name you chose matches no row, or matches several rows with different diagnoses. Look again at how many clinic rows each member matches on all three columns."
    )
if _right - _picked:
    _lines.append(
        "✘ At least one member whose diagnosis can be read for certain is missing. Look again at the members who match exactly one row of the clinic."
    )
_share = max(len(_picked & _right) - len(_picked - _right), 0) / len(_right)
Score(2 * _share, 2, _lines or ["✔ Correct."]).report()
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "after-link-text", "schema_version": 3}
# No names were needed. A person who is alone in their group can be found by anyone who holds
# another list with the same columns and names: a club, a school year book, a voter list. This
# is the attack Sweeney made in Massachusetts [3], and the reason k matters. A group of several
# rows protects only when its rows differ in what must stay secret: if every row of the group
# had the same diagnosis, finding the group would be enough [4].

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "memo-text", "schema_version": 3}
# ## Part 4 · A model that remembers people
#
# Suppose the health board never releases the table, and instead releases a *model* trained on
# it: a program that takes someone's postcode, sex and birth date and gives its confidence in
# each diagnosis. Can a model give away who was in its training data?
#
# The cell below trains two decision trees on half of your 3,000 patients (the *training
# people*); the other half are *new people* the trees never saw. A decision tree asks a series
# of yes-or-no questions about the columns ("is the postcode below 13125?") and gives an answer
# at the end. The **deep** tree may ask as many questions as it likes; the **shallow** tree
# asks at most 3.
#
# In this invented table the diagnoses were drawn at random: postcode, sex and birth date say
# nothing about them. A good model can only learn how common each diagnosis is. A model that
# does far better on its training people than on new people has **memorised** them instead of
# learning something that holds in general: this is called **overfitting**.
#
# Think before you run it: will the deep tree be more confident of the real
# diagnosis for its training people than for new people?

# %% nbgrader={"grade": false, "grade_id": "memo", "locked": true, "solution": false, "schema_version": 3}
import numpy as np
from sklearn.tree import DecisionTreeClassifier

# Your 3,000 patients from the lab: the three columns the trees see (the birth date as a
# number of days), and the diagnosis they must give.
people = lab.people_
columns = np.column_stack(
    [people["postcode"], people["sex"], people["birth_date"].astype("int64")]
)
diagnosis = people["diagnosis"]
half = len(diagnosis) // 2
in_training = np.arange(len(diagnosis)) < half  # True for the first half: the training people

# Both trees learn from the training people only.
deep = DecisionTreeClassifier(random_state=0).fit(columns[:half], diagnosis[:half])
shallow = DecisionTreeClassifier(max_depth=3, random_state=0).fit(
    columns[:half], diagnosis[:half]
)


def confidence_in_truth(model):
    """For each of the 3,000 people, the model's confidence (0 to 1) in their real diagnosis."""
    scores = model.predict_proba(columns)
    return scores[np.arange(len(diagnosis)), np.searchsorted(model.classes_, diagnosis)]


deep_confidence = confidence_in_truth(deep)
shallow_confidence = confidence_in_truth(shallow)

print("Average confidence in the real diagnosis:")
for name, confidence in (("deep tree", deep_confidence), ("shallow tree", shallow_confidence)):
    on_training = confidence[in_training].mean()
    on_new = confidence[~in_training].mean()
    print(f"   {name:<12}  training people {on_training:4.0%}   new people {on_new:4.0%}")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex7-text", "schema_version": 3}
# ### Exercise 7 · Catch the model (2 points)
#
# An attacker who knows a person's postcode, sex, birth date and diagnosis asks the deep tree
# about them. The attacker's rule: "if the model is 100% sure of the real diagnosis (a
# confidence of exactly 1), this person was in the training data". Guessing whether a person
# was in a model's training data is called a **membership inference attack** [5].
#
# Use `deep_confidence` (one number per person) and `in_training` (`True` for training
# people) to work out:
#
# - `sure_training`: the share of the training people for whom the deep tree's confidence is
#   exactly 1;
# - `sure_new`: the same share among the new people;
# - `attack_right`: the share of all 3,000 people for whom the attacker's rule is right (it is
#   right for a training person the model is sure of, and for a new person it is not sure of).
#
# Each is a number from 0 to 1. A tip: `deep_confidence == 1` gives `True` or `False` for each
# person, and `.mean()` of an array of `True`/`False` is the share of `True`.

# %% nbgrader={"grade": false, "grade_id": "ex7-answer", "locked": false, "solution": true, "schema_version": 3}
sure_training = ...  # your answer: a number from 0 to 1
sure_new = ...  # your answer: a number from 0 to 1
attack_right = ...  # your answer: a number from 0 to 1
### BEGIN SOLUTION
guess = deep_confidence == 1
sure_training = guess[in_training].mean()
sure_new = guess[~in_training].mean()
attack_right = (guess == in_training).mean()
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex7-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible checks: the three answers are numbers from 0 to 1. The values are checked at grading.
checks.number_between(sure_training, "sure_training")
checks.number_between(sure_new, "sure_new")
checks.number_between(attack_right, "attack_right")
### BEGIN HIDDEN TESTS
_people = ReidentificationLab().start().people_
_x = np.column_stack([_people["postcode"], _people["sex"], _people["birth_date"].astype("int64")])
_y = _people["diagnosis"]
_half = len(_y) // 2
_train = np.arange(len(_y)) < _half
_tree = DecisionTreeClassifier(random_state=0).fit(_x[:_half], _y[:_half])
_sure = _tree.predict_proba(_x)[np.arange(len(_y)), np.searchsorted(_tree.classes_, _y)] == 1
_parts = [
    checks.close_to(
        sure_training,
        float(_sure[_train].mean()),
        points=0.5,
        tol=0.005,
        hint="sure_training: look again at which people you count: only the training people, and among them those with a confidence of exactly 1.",
    ),
    checks.close_to(
        sure_new,
        float(_sure[~_train].mean()),
        points=0.5,
        tol=0.005,
        hint="sure_new: look again at which people you count: only the new people (in_training is False).",
    ),
    checks.close_to(
        attack_right,
        float((_sure == _train).mean()),
        points=1,
        tol=0.005,
        hint="attack_right: look again at when the rule is right. For a new person it is right when the model is NOT sure, and the share is out of all 3,000 people.",
    ),
]
Score(sum(part.points for part in _parts), 2)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex8-text", "schema_version": 3}
# If the attacker guessed at random, or always said "in the training data", they would be
# right for about half of the people. The shallow tree's confidence is about the same for both
# halves, so the same rule would tell the attacker little. The researchers who first measured
# such attacks found that models which overfit leak more [5].
#
# Google's PAIR team shows the same effect in an explorable you can play with: a very flexible
# model trained on the salaries of a few people memorises them, so anyone can read a person's
# salary back from it, while a simpler model shows the trend without giving anyone away; and
# unusual people, such as the newest hire, are the most exposed [6].
#
# ### Exercise 8 · What did the experiment show? (2 points)
#
# Choose **every** statement that is true, as a string of letters such as `"a, c"`. Each right
# letter counts for you, each wrong one against you.
#
# - **a.** The deep tree is 100% sure of the real diagnosis of almost every one of its training
#   people, although the diagnoses were drawn at random.
# - **b.** A model that is much more confident on its training people than on new people can
#   give away who was in its training data.
# - **c.** A model gives only numbers, not rows of the table, so it can never give anything away
#   about a person.
# - **d.** The deep tree found a real link between postcode, birth date and diagnosis, because
#   it was right about every training person.
# - **e.** The shallow tree is about as confident on new people as on its training people, so
#   its confidence tells the attacker little about who was in the training data.

# %% nbgrader={"grade": false, "grade_id": "ex8-answer", "locked": false, "solution": true, "schema_version": 3}
true_statements = ...  # your answer: letters, such as "a, c"
### BEGIN SOLUTION
true_statements = "a, b, e"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex8-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible check: the answer is made of the letters a to e. It is checked at grading.
checks.letters(true_statements, "true_statements")
### BEGIN HIDDEN TESTS
checks.choice(
    true_statements,
    {"a", "b", "e"},
    points=2,
    hints={
        "a": "Look again at sure_training in exercise 7.",
        "b": "Look again at attack_right in exercise 7: how often was the attacker's rule right?",
        "c": "Look again at exercise 7: what did the attacker learn from the model's numbers alone?",
        "d": "Look again at the deep tree's confidence on new people, and at how the diagnoses were made.",
        "e": "Look again at the shallow tree's two averages in the cell before exercise 7.",
    },
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "task": true, "points": 0, "locked": true, "grade_id": "ex9-text", "schema_version": 3}
# ### Exercise 9 · Reply to the health board (3 points, read by your teacher)
#
# The health board says: "This data set is anonymous: we removed the names." Write a reply of
# four to six sentences that the board's manager could follow. Use your own numbers from this
# notebook. Your reply should:
#
# 1. explain why removing the names is not enough, with your lab's share of people alone in
#    their group (or the clinic and the club);
# 2. say which setting reached k of at least 5 in your lab, and what it cost the researchers;
# 3. name one risk that remains even then (for example a model trained on the data), and one
#    thing the board should do about it.
#
# Your teacher reads this answer; it is not checked by the computer.
#
# ### BEGIN MARK SCHEME
# **Rubric (3 points, 1 per part).**
# 1. Explains that postcode, sex and birth date together single people out (quasi-identifiers)
#    and that another list with names and the same columns can be linked to the table, with a
#    figure from the learner's own work: the lab's share alone in their group on the original
#    table (above 99% for every variant), or the clinic's unique rows and the club members
#    found. Linking without a figure, or a figure without saying how someone is found, earns
#    half.
# 2. Names a setting from the learner's lab with k of at least 5 (for example 2 postcode digits
#    and a 10-year birth band) and its cost: the usefulness for research it keeps, as a
#    percentage, or what a researcher can no longer study (places, exact ages). A setting
#    without its cost earns half.
# 3. Names a remaining risk and a matching step. Risks: a model trained on the data can
#    memorise individuals and give away who was in the training data (membership inference);
#    a group whose rows share the same diagnosis gives the diagnosis away; other released
#    tables can be linked later. Steps: release only coarsened data with k checked; give
#    access only to approved researchers under agreements; train models that do not overfit,
#    or with differential privacy; test the model with a membership inference attack before
#    release; ask the patients' consent. A risk without a step, or a step without a risk,
#    earns half.
# Accept any accurate wording; spelling and grammar are not marked.
# ### END MARK SCHEME

# %% [markdown] nbgrader={"grade": true, "grade_id": "ex9-reply", "locked": false, "points": 3, "solution": true, "schema_version": 3}
# ### BEGIN SOLUTION
# Removing the names is not enough: in my table 99.7% of the 3,000 patients are the only one
# with their postcode, sex and birth date, so anyone with a list of names and those three
# columns, like a club's members' list, can find their row and read their diagnosis. In the
# small clinic I found two club members' diagnoses this way. Keeping only 2 postcode digits and
# a 10-year band for the birth date, with sex kept, gave k = 7, so everyone shares their
# details with at least 6 others, but the data is then only 67% as useful for research on
# blood pressure. Even then, a model trained on the records can remember the people it was
# trained on: my deep tree let an attacker tell who was in its training data for about 80% of
# people. The board should release only coarsened data whose k it has checked, and test any
# model for this kind of attack, or use a model that does not overfit, before sharing it.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "look-back-text", "schema_version": 3}
# ## Look back at your prediction
#
# Run the cell below to compare your prediction with your table. Were you surprised? Sweeney's
# figure for the United States was 87% [2]; your invented table has fewer people per postcode
# than a real US ZIP code, so even more of them stand alone.

# %% nbgrader={"grade": false, "grade_id": "look-back", "locked": true, "solution": false, "schema_version": 3}
from thinktwice.widgets.reidentification import Setting as _Original

_alone = lab.releases_[_Original()].anonymity.unique_share
if isinstance(my_prediction, int | float) and not isinstance(my_prediction, bool):
    print(f"You predicted {my_prediction:g}%.")
else:
    print("You did not write a prediction.")
print(f"In your table, {_alone:.1%} of the people are alone on postcode, sex and birth date.")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "references", "schema_version": 3}
# ## References
#
# 1. Government of Japan, Cabinet Office. *AI Basic Plan* (Cabinet decision, December 2025),
#    under the *Act on the Promotion of Research, Development and Utilization of AI-Related
#    Technologies* (May 2025). (Among its aims: clear thinking about privacy, civil liability
#    and intellectual property.)
# 2. Sweeney, L. (2000). *Simple Demographics Often Identify People Uniquely*. Carnegie Mellon
#    University, Data Privacy Working Paper 3, Pittsburgh. (87% of the US population likely
#    unique on 5-digit ZIP code, gender and date of birth, from 1990 census figures.)
# 3. Sweeney, L. (2002). k-anonymity: a model for protecting privacy. *International Journal of
#    Uncertainty, Fuzziness and Knowledge-Based Systems*, 10(5), 557-570. (Quasi-identifiers
#    and k-anonymity; linking Massachusetts hospital data with the Cambridge voter list.)
# 4. Machanavajjhala, A., Kifer, D., Gehrke, J., & Venkitasubramaniam, M. (2007). l-diversity:
#    privacy beyond k-anonymity. *ACM Transactions on Knowledge Discovery from Data*, 1(1),
#    article 3. (A k-anonymous group whose rows share the same sensitive value still gives
#    that value away.)
# 5. Shokri, R., Stronati, M., Song, C., & Shmatikov, V. (2017). Membership inference attacks
#    against machine learning models. *IEEE Symposium on Security and Privacy*, 3-18. (An
#    attacker who can only query a model can often tell whether a record was in its training
#    data; models that overfit leak more.)
# 6. Pearce, A., & Jiang, E. (2020). *Why Some Models Leak Data*. Google People + AI Research
#    (PAIR), AI Explorables, pair.withgoogle.com/explorables/data-leak. (A flexible model
#    trained on few people can memorise them and reveal their data; a simpler model shows broad
#    trends; typical people are less exposed than unusual ones; training with differential
#    privacy limits how much a model learns from any one person.)
