# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "intro", "schema_version": 3}
# # Module 1 · What a model is
#
# *About 45 minutes.*
#
# An AI tool that reads handwriting, spots spam or suggests the next word is built around a
# **model**: a rule for turning an input (an image, a message) into an answer (a digit, "spam").
# Nobody writes that rule by hand. A computer finds it in examples, and that is what
# "machine learning" means [1]. In this module you build one yourself, from real handwritten
# digits, and then test it the way a careful scientist would.
#
# **By the end of this module you can**
# 1. say what a model, training data and test data are, and why a model must be tested on data
#    it never learned from;
# 2. split a data set, train a real classifier with scikit-learn and measure its accuracy;
# 3. explain overfitting, and why "100% accurate" measured on the training data proves little;
# 4. read a confusion table to see which digits a model mixes up, and think about why.
#
# **What you will do:** guess how much the amount of training data matters, then find out;
# split the digits into training and test data yourself; write the accuracy measure as a
# Python function; train and test a model; break a company's claim that its digit reader is
# "100% accurate"; make a model overfit in the model playground; and look at the mistakes a
# model makes. Most answers are checked by the computer; one written answer is read by your
# teacher.
#
# **How to answer:** each cell where you write code starts with names set to `...` (Python
# shows it as `Ellipsis`). Replace each `...` with your answer and run the cell, then run the
# check below it. The check tells you what to look at again; more checks run when your teacher
# grades the notebook.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "words", "schema_version": 3}
# ## Examples, labels and a model
#
# The AI4K12 guidelines for teaching AI in schools put it in one sentence: computers can learn
# from data. It is the third of their "Five Big Ideas" [1], and the learning they describe has
# two phases: the computer first *learns* a model from data, then *applies* it to new data [5].
#
# Here the data are 1,797 small images of handwritten digits that come with scikit-learn [3],
# [4]. Each image is one **example**. Each comes with its **label**: the digit the writer was
# asked to write. A model that answers with one of a fixed set of labels (here 0 to 9) is
# called a **classifier**. The digits were written on printed forms by 43 people; scikit-learn's
# copy holds the part written by 13 of them [3].
#
# To the computer, an image is only numbers: 8 × 8 = 64 squares, each a number from 0 (no ink)
# to 16 (full of ink). Each number counts the inked dots in one block of a finer scan of the
# form [3]. Run the cell below to see the first twenty images, each with its label above it.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "data", "schema_version": 3}
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()
images, labels = digits.data, digits.target

figure, axes = plt.subplots(2, 10, figsize=(10, 2.6))
for ax, square, label in zip(axes.ravel(), digits.images, labels):
    ax.imshow(square, cmap="gray_r")
    ax.set_title(str(label))
    ax.axis("off")
plt.show()
print(images.shape)  # (number of images, numbers per image)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "guess-text", "schema_version": 3}
# ## Before you train anything: make a guess (not graded)
#
# A model's **accuracy** is the share of answers it gets right: 45 right out of 50 is an accuracy
# of 45 / 50 = 0.9, or 90%. Guessing a digit at random would be right about 1 time in 10, an
# accuracy of about 0.1.
#
# Soon you will train a model on some of the images and test it on other images it has never
# seen. Guess its accuracy on those unseen images if it learns from only **10** example images,
# and if it learns from **1,000**. Write your guesses as numbers from 0 to 1. They are not
# graded: the point is to find out whether your intuition is right.

# %% nbgrader={"grade": false, "grade_id": "guess", "locked": false, "solution": true, "schema_version": 3}
guess_10 = ...  # your guess: accuracy after learning from 10 images, from 0 to 1
guess_1000 = ...  # your guess: accuracy after learning from 1,000 images, from 0 to 1
### BEGIN SOLUTION
guess_10 = 0.3
guess_1000 = 0.9
### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex1-text", "schema_version": 3}
# ## Part 1 · Keep some data aside
#
# A model can only be judged fairly on examples it did not learn from, so the first step is to
# split the data in two [2]:
#
# - the **training data**: the examples the model learns from;
# - the **test data**: examples kept aside, never shown to the model while it learns, used
#   afterwards to measure how well it does on new cases.
#
# It is like a school exam: if the exam only asks the questions you practised at home, your mark
# shows how well you remember those questions, not how well you understand the subject.
#
# ### Exercise 1 · Split the digits (2 points)
#
# Use scikit-learn's `train_test_split` to split `images` and `labels` into training and test
# data, keeping **a quarter** of the images for testing (`test_size=0.25`). It shuffles the
# images before it splits them; pass `random_state=0` so that it shuffles the same way every
# time you run the cell. It returns four things, in this order: training images, test images,
# training labels, test labels.

# %% nbgrader={"grade": false, "grade_id": "ex1-split", "locked": false, "solution": true, "schema_version": 3}
from sklearn.model_selection import train_test_split

train_images, test_images, train_labels, test_labels = ..., ..., ..., ...  # your answer
### BEGIN SOLUTION
train_images, test_images, train_labels, test_labels = train_test_split(
    images, labels, test_size=0.25, random_state=0
)
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex1-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
from thinktwice.autograder import Score, checks

# Visible check: the test images are a quarter of the 1,797 (449 or 450 of them), and there is
# one label for each image. Whether each image kept its own label, and whether every image is in
# exactly one of the two parts, is checked at grading.
_parts = (train_images, test_images, train_labels, test_labels)
if not all(hasattr(_part, "__len__") for _part in _parts):
    _lines = [
        "✘ The four parts have no answer yet:",
        "   replace each ... with what train_test_split returns.",
    ]
elif len(train_images) != len(train_labels) or len(test_images) != len(test_labels):
    _lines = [
        "✘ There should be one label for each image, in both parts.",
        "   Look again at the order of the four things train_test_split returns.",
    ]
elif len(test_images) not in (449, 450):
    _lines = [
        f"✘ The test part holds {len(test_images)} images; a quarter of 1,797 is about 450.",
        "   Look again at test_size.",
    ]
else:
    _lines = ["✔ The test part holds a quarter of the images, with one label for each."]
    if not checks.grading():
        _lines.append(
            "   These checks pass. More checks run when your teacher grades this notebook."
        )
print("\n".join(_lines))
### BEGIN HIDDEN TESTS
def _key(image):
    return np.asarray(image, dtype=float).tobytes()


_own_label = {_key(_image): _label for _image, _label in zip(images, labels)}
try:
    _sizes = len(test_images) in (449, 450) and len(train_images) + len(test_images) == len(images)
    _sizes = _sizes and len(train_labels) == len(train_images) and len(test_labels) == len(test_images)
    _together = sorted(_key(i) for i in list(train_images) + list(test_images))
    _whole = _together == sorted(_own_label)
    _paired = all(
        _own_label.get(_key(i)) == l
        for i, l in zip(list(train_images) + list(test_images), list(train_labels) + list(test_labels))
    )
except TypeError:
    _sizes = _whole = _paired = False
_lines = []
if not _sizes:
    _lines.append("✘ Look again at the sizes: a quarter of the images for testing, the rest for training, one label for each image.")
if not (_whole and _paired):
    _lines.append("✘ Look again at how you split: every image should be in exactly one part, still with its own label (split images and labels together, in one call).")
if _sizes and _whole and _paired:
    _lines.append("✔ Correct.")
Score(_sizes + (_whole and _paired), 2, _lines).report()
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex2-text", "schema_version": 3}
# ### Exercise 2 · Write the accuracy measure (2 points)
#
# Write `accuracy(answers, truth)`: the share of positions where the model's answer equals the
# true label. `answers` and `truth` have the same length; they may be lists or numpy arrays, and
# the labels may be numbers or words. When there is nothing to count (both are empty), accuracy
# is *undefined*: return `None`, not 0.

# %% nbgrader={"grade": false, "grade_id": "ex2-accuracy", "locked": false, "solution": true, "schema_version": 3}
def accuracy(answers, truth):
    """Share of the answers equal to the true labels, or None when there are none."""
    ### BEGIN SOLUTION
    if len(truth) == 0:
        return None
    return sum(a == t for a, t in zip(answers, truth)) / len(truth)
    ### END SOLUTION
    return ...  # replace ... with your answer


# %% nbgrader={"grade": true, "grade_id": "ex2-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
_cases = [
    checks.Case(([7, 1, 4], [7, 1, 4]), 1.0, what="every answer right"),
    checks.Case(
        ([3, 5, 8, 8], [3, 6, 8, 9]),
        0.5,
        what="two of four answers right",
        hint=(
            "Count the positions where the answer equals the truth,"
            " and divide by how many there are."
        ),
    ),
]
### BEGIN HIDDEN TESTS
_cases += [
    checks.Case(
        ([], []),
        None,
        hint="Look again at the case with nothing to count: what should the measure be then?",
        hidden=True,
    ),
    checks.Case(
        (["cat", "dog", "dog"], ["cat", "cat", "dog"]),
        2 / 3,
        hint="Look again at labels that are words, not numbers.",
        hidden=True,
    ),
    checks.Case(
        (np.array([1, 2, 3, 4, 5]), np.array([1, 2, 0, 0, 0])),
        0.4,
        hint="Look again at numpy arrays: does your function work for them as well as for lists?",
        hidden=True,
    ),
]
### END HIDDEN TESTS
checks.score_function(accuracy, _cases, points=2)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex3-text", "schema_version": 3}
# ## Part 2 · Train a model and test it
#
# You will use one of the simplest classifiers there is, the **nearest-neighbour** model. It
# keeps every training image. To answer for a new image, it finds the training image most like
# it (the one whose 64 numbers are closest) and gives that image's label [4]. **Training** it
# means handing it the training images with their labels: `model.fit(train_images,
# train_labels)`. `model.predict(some_images)` then returns its answers for those images.
#
# ### Exercise 3 · Train and test (3 points)
#
# 1. Make `model`, a `KNeighborsClassifier(n_neighbors=1)` (one neighbour), and train it on your
#    training images and labels only.
# 2. Set `train_accuracy` to its accuracy on the training images, and `test_accuracy` to its
#    accuracy on the test images. Use your `accuracy` function on its answers, or the model's
#    own `model.score(images, labels)`, which gives the same number.

# %% nbgrader={"grade": false, "grade_id": "ex3-train", "locked": false, "solution": true, "schema_version": 3}
from sklearn.neighbors import KNeighborsClassifier

model = ...  # your answer: a trained KNeighborsClassifier
train_accuracy = ...  # your answer: a number from 0 to 1
test_accuracy = ...  # your answer: a number from 0 to 1
### BEGIN SOLUTION
model = KNeighborsClassifier(n_neighbors=1).fit(train_images, train_labels)
train_accuracy = accuracy(model.predict(train_images), train_labels)
test_accuracy = accuracy(model.predict(test_images), test_labels)
### END SOLUTION
print(train_accuracy, test_accuracy)

# %% nbgrader={"grade": true, "grade_id": "ex3-test", "locked": true, "points": 3, "solution": false, "schema_version": 3}
# Visible checks: both accuracies are numbers from 0 to 1. At grading, the check retrains a model
# on your own training data and measures it, so it compares your numbers with your own split.
checks.number_between(train_accuracy, "train_accuracy")
checks.number_between(test_accuracy, "test_accuracy")
### BEGIN HIDDEN TESTS
def _measured(fit, on_images, on_labels):
    try:
        return float(np.mean(fit.predict(on_images) == np.asarray(on_labels)))
    except Exception:  # noqa: BLE001 - an unanswered exercise has nothing to measure
        return float("nan")


try:
    _reference = KNeighborsClassifier(n_neighbors=1).fit(train_images, train_labels)
    _learned = (
        isinstance(model, KNeighborsClassifier)
        and model.n_neighbors == 1
        and getattr(model, "n_samples_fit_", None) == len(train_images)
    )
except Exception:  # noqa: BLE001 - an unanswered exercise 1 leaves nothing to train on
    _reference, _learned = None, False
_parts = [
    Score(
        1 if _learned else 0,
        1,
        ["✔ The model learned from the training images only."]
        if _learned
        else ["✘ model: look again at what it should be (one neighbour) and what it learns from: the training images and labels only, never the test images."],
    ).report(),
    checks.close_to(
        train_accuracy,
        _measured(_reference, train_images, train_labels),
        points=1,
        tol=0.001,
        hint="train_accuracy: look again at which images you measured it on: the ones the model learned from.",
    ),
    checks.close_to(
        test_accuracy,
        _measured(_reference, test_images, test_labels),
        points=1,
        tol=0.001,
        hint="test_accuracy: look again at which images you measured it on: the test images, which the model never saw.",
    ),
]
Score(sum(_part.points for _part in _parts), 3)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex3-after", "schema_version": 3}
# Look at your two numbers. The training accuracy is exactly 1, a perfect 100%, and it would be
# for almost any data: when the model is asked about a training image, the closest training
# image is that very image, so it just looks up the label it was given. A score on the training
# data shows how well a model *remembers*. Only the test accuracy shows how well it does on
# images it has never seen, which is what you want to know before you use it. Computer
# scientists call doing well on new data **generalising** [2].
#
# ### Exercise 4 · Ten images or a thousand? (2 points)
#
# Now find out whether your guesses were right. Train two more one-neighbour models: one on only
# the first 10 training images and labels (`train_images[:10]`, `train_labels[:10]`), one on the
# first 1,000. Measure each on **all** your test images.

# %% nbgrader={"grade": false, "grade_id": "ex4-sizes", "locked": false, "solution": true, "schema_version": 3}
accuracy_10 = ...  # your answer: test accuracy after learning from 10 images
accuracy_1000 = ...  # your answer: test accuracy after learning from 1,000 images
### BEGIN SOLUTION
model_10 = KNeighborsClassifier(n_neighbors=1).fit(train_images[:10], train_labels[:10])
accuracy_10 = model_10.score(test_images, test_labels)
model_1000 = KNeighborsClassifier(n_neighbors=1).fit(train_images[:1000], train_labels[:1000])
accuracy_1000 = model_1000.score(test_images, test_labels)
### END SOLUTION
print(accuracy_10, accuracy_1000)

# %% nbgrader={"grade": true, "grade_id": "ex4-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible checks: both are numbers from 0 to 1. At grading they are compared with models the
# check trains on your own split.
checks.number_between(accuracy_10, "accuracy_10")
checks.number_between(accuracy_1000, "accuracy_1000")
### BEGIN HIDDEN TESTS
def _with_first(n):
    try:
        fit = KNeighborsClassifier(n_neighbors=1).fit(train_images[:n], train_labels[:n])
        return float(fit.score(test_images, test_labels))
    except Exception:  # noqa: BLE001 - an unanswered exercise 1 leaves nothing to train on
        return float("nan")


_parts = [
    checks.close_to(
        accuracy_10,
        _with_first(10),
        points=1,
        tol=0.001,
        hint="accuracy_10: look again at what the model learns from (the first 10 training images and their labels) and what you measure it on (all the test images).",
    ),
    checks.close_to(
        accuracy_1000,
        _with_first(1000),
        points=1,
        tol=0.001,
        hint="accuracy_1000: look again at what the model learns from (the first 1,000 training images and their labels) and what you measure it on (all the test images).",
    ),
]
Score(sum(_part.points for _part in _parts), 2)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex4-after", "schema_version": 3}
# Compare with your guesses from the start (`guess_10`, `guess_1000`). With 10 images, some
# digits may not appear in the training data at all, and a model can never give a label it has
# never seen. A model that can learn almost any pattern needs many examples to narrow down which
# pattern is the real one [5]. Ten examples leave far too many possibilities open.
#
# ## Part 3 · A claim to break
#
# A company sells a digit reader and says: **"Our reader is 100% accurate."** Here is the
# evidence they publish, run again below. Their reader is a **decision tree**: it learns a chain
# of yes-or-no questions about the squares of an image ("is square 36 darker than 8?"), each
# answer leading to the next question, until it reaches a label. Unless told to stop earlier,
# scikit-learn's tree keeps adding questions until every group of training images at the end of
# a chain has a single label [4].

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "claim", "schema_version": 3}
from sklearn.tree import DecisionTreeClassifier

# The company's evidence: train the reader on the first 1,200 images, then score it.
reader = DecisionTreeClassifier(random_state=0).fit(images[:1200], labels[:1200])
reader.score(images[:1200], labels[:1200])

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex5-text", "schema_version": 3}
# Read their code before you go on: which images did they score the reader on?
#
# ### Exercise 5 · Test the claim (1 point)
#
# The last 597 images (`images[1200:]`, with `labels[1200:]`) played no part in training the
# reader. Set `reader_test_accuracy` to the reader's accuracy on them.

# %% nbgrader={"grade": false, "grade_id": "ex5-claim", "locked": false, "solution": true, "schema_version": 3}
reader_test_accuracy = ...  # your answer: a number from 0 to 1
### BEGIN SOLUTION
reader_test_accuracy = reader.score(images[1200:], labels[1200:])
### END SOLUTION
print(reader_test_accuracy)

# %% nbgrader={"grade": true, "grade_id": "ex5-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
# Visible check: reader_test_accuracy is a number from 0 to 1. The value is checked at grading.
checks.number_between(reader_test_accuracy, "reader_test_accuracy")
### BEGIN HIDDEN TESTS
_fresh_reader = DecisionTreeClassifier(random_state=0).fit(images[:1200], labels[:1200])
checks.close_to(
    reader_test_accuracy,
    float(_fresh_reader.score(images[1200:], labels[1200:])),
    points=1,
    tol=0.001,
    hint="Look again at which images you scored the reader on: the 597 it never learned from, with their own labels.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex6-text", "schema_version": 3}
# Put the company's number beside yours. When a model does much better on its training data than
# on new data, it is **overfitting**: it has learned the details and accidents of its training
# examples instead of the pattern behind them [2]. Very flexible models, which can fit almost any
# pattern, overfit easily unless they have a great deal of data [2].
#
# ### Exercise 6 · What does the 100% show? (2 points)
#
# Choose every statement that is true.
#
# - **a.** The 100% shows that the reader will be right on almost every new image.
# - **b.** The 100% was measured on the images the reader learned from, so it cannot show how
#   the reader does on images it has not seen.
# - **c.** The reader overfits: its questions fit the quirks of its training images and work
#   worse on other images.
# - **d.** Measuring on images kept aside from training is a fairer test of how the reader will
#   do for a new customer.
# - **e.** The reader must have a bug, because no correct model can score 100% on any data.

# %% nbgrader={"grade": false, "grade_id": "ex6-choice", "locked": false, "solution": true, "schema_version": 3}
claim_statements = ...  # your answer: letters as text, such as "a, e"
### BEGIN SOLUTION
claim_statements = "b, c, d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex6-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible check: the answer is text made of letters from a to e. Which letters are right is
# checked at grading; a wrong letter takes away as much as a right one gives.
checks.letters(claim_statements, "claim_statements")
### BEGIN HIDDEN TESTS
checks.choice(
    claim_statements,
    {"b", "c", "d"},
    points=2,
    hints={
        "a": "Look again at which images the 100% was measured on, and what that says about new ones.",
        "b": "Look again at the company's code: which images did it score the reader on?",
        "c": "Look again at the reader's training and test accuracy side by side.",
        "d": "Look again at Part 1: which data show how a model does on cases it never saw?",
        "e": "Look again at the nearest-neighbour model: it scored 100% on its training images without any bug.",
    },
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "playground-text", "schema_version": 3}
# ## Part 4 · Make a model overfit
#
# In the model playground below, the examples are points on a flat picture instead of images,
# so you can see the whole model at once: the shading shows the answer it would give at each
# place. The model is again a nearest-neighbour model, but now **k** neighbours vote: with
# k = 1 each place takes the label of its single nearest training point, with k = 15 the label
# most of its 15 nearest points have. Your points are your own: the person next to you has
# different ones.
#
# 1. Try at least five different settings of the three sliders, and watch the training and test
#    accuracy each time.
# 2. Find a setting where the model overfits: its training accuracy is far above its test
#    accuracy. (Hint: what happens with few neighbours and many flipped labels?)
# 3. Find a setting with about the best test accuracy you can get.
# 4. Answer the question at the bottom: which setting would you trust for new points?
#
# What you do is saved as you go in `thinktwice-evidence.jsonl` beside this notebook; if you
# run the cell again, the playground continues where you left off.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "playground", "schema_version": 3}
from thinktwice.widgets import ModelPlayground

playground = ModelPlayground()
playground.view()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex7-text", "schema_version": 3}
# ### Exercise 7 · Work through the playground (3 points)
#
# The check below reads your saved steps: at least five settings tried, an overfitting setting
# found, a setting close to the best test accuracy found, and your answer to the question.

# %% nbgrader={"grade": true, "grade_id": "ex7-playground", "locked": true, "points": 3, "solution": false, "schema_version": 3}
checks.activity_score(ModelPlayground(), points=3)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex8-text", "schema_version": 3}
# ## Part 5 · What the mistakes look like
#
# An accuracy is one number; it does not say *which* mistakes a model makes. A **confusion
# table** does. It has one row for each true digit and one column for each answer the model
# gave. The number in row 8, column 3 counts the test images of an 8 that the model read as a 3.
# The squares on the diagonal, from top left to bottom right, count the right answers; every
# other square counts a kind of mistake.
#
# Here is the company's reader again, on the 597 images it never saw. Rows are the true digit
# ("True label"), columns the reader's answer ("Predicted label").

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "confusion", "schema_version": 3}
from sklearn.metrics import ConfusionMatrixDisplay

reader = DecisionTreeClassifier(random_state=0).fit(images[:1200], labels[:1200])
reader_answers = reader.predict(images[1200:])
ConfusionMatrixDisplay.from_predictions(labels[1200:], reader_answers, cmap="Blues", colorbar=False)
plt.show()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex8-text2", "schema_version": 3}
# ### Exercise 8 · The reader's most common mistake (2 points)
#
# Find the largest number in the table that is *not* on the diagonal. Set `mixed_up_truth` to
# the true digit of that square (its row) and `mixed_up_answer` to the digit the reader answered
# (its column).

# %% nbgrader={"grade": false, "grade_id": "ex8-confusion", "locked": false, "solution": true, "schema_version": 3}
mixed_up_truth = ...  # your answer: the true digit, from 0 to 9
mixed_up_answer = ...  # your answer: the digit the reader answered, from 0 to 9
### BEGIN SOLUTION
from sklearn.metrics import confusion_matrix

_table = confusion_matrix(labels[1200:], reader_answers)
np.fill_diagonal(_table, 0)
mixed_up_truth, mixed_up_answer = (int(d) for d in np.unravel_index(_table.argmax(), _table.shape))
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex8-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible checks: both are digits from 0 to 9. Which digits is checked at grading.
checks.number_between(mixed_up_truth, "mixed_up_truth", 0, 9)
checks.number_between(mixed_up_answer, "mixed_up_answer", 0, 9)
### BEGIN HIDDEN TESTS
from sklearn.metrics import confusion_matrix as _confusion

_fresh_reader = DecisionTreeClassifier(random_state=0).fit(images[:1200], labels[:1200])
_wrong = _confusion(labels[1200:], _fresh_reader.predict(images[1200:]))
np.fill_diagonal(_wrong, 0)
_pairs = {(int(t), int(a)) for t, a in zip(*np.nonzero(_wrong == _wrong.max()))}
_mine = (mixed_up_truth, mixed_up_answer)
if _mine in _pairs:
    _mark = Score(2, 2, ["✔ Correct."])
elif _mine[::-1] in _pairs:
    _mark = Score(1, 2, ["✘ You found the right square, but look again at which is the row (the true digit) and which the column (the reader's answer)."])
else:
    _mark = Score(0, 2, ["✘ Not yet. Look again at the squares off the diagonal: which holds the largest number?"])
_mark.report()
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "mistakes-text", "schema_version": 3}
# The cell below shows up to ten test images of the mistake you found: each with its true digit
# and, after the arrow, what the reader answered. (If no images appear, answer exercise 8 first:
# the cell shows the square you chose.) Look at them closely before you answer the last question.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "mistakes", "schema_version": 3}
_truth, _answer = mixed_up_truth, mixed_up_answer
if all(isinstance(_digit, int | np.integer) for _digit in (_truth, _answer)):
    _mistakes = (labels[1200:] == _truth) & (reader_answers == _answer)
    _shown = np.flatnonzero(_mistakes)[:10]
    if len(_shown):
        figure, axes = plt.subplots(2, 5, figsize=(8, 3.8))
        for ax in axes.ravel():
            ax.axis("off")
        for ax, i in zip(axes.ravel(), _shown):
            ax.imshow(digits.images[1200 + i], cmap="gray_r")
            ax.set_title(f"{_truth} → {_answer}")
        plt.show()

# %% [markdown] nbgrader={"grade": false, "solution": false, "task": true, "points": 0, "locked": true, "grade_id": "ex9-text", "schema_version": 3}
# ### Exercise 9 · Explain the mistakes (3 points, read by your teacher)
#
# In four to six sentences:
#
# 1. Look at the images above. Why do you think the reader mixed up these two digits? Point to
#    something you can see in the images.
# 2. The digits in this data were written by a small number of people. Would you expect a model
#    trained on them to be as accurate on your own handwriting? Why, or why not?
# 3. The company says "100% accurate". Write one question you would ask them before you believed
#    any accuracy figure.
#
# There is no single right answer: your teacher looks for what you noticed and for reasons.
#
# ### BEGIN MARK SCHEME
# **Rubric (3 points, 1 for each part).**
# 1. Names a visible feature that the two digits share in these 8 × 8 images (for example a thin
#    8 whose loops are squashed into a vertical stroke that looks like a 1, or a blurred image
#    that lost its loops). A bare "they look similar" earns half a point.
# 2. Says accuracy may well be lower on other handwriting, and why: the test images came from the
#    same few writers, forms and scanning as the training images, so they say little about
#    different writers, pens or scans. An answer that says "yes, the same" with no reason earns
#    nothing; one that reasons either way about how alike the new data are earns the point.
# 3. Asks a question that exposes how the figure was measured: on which data (images kept aside
#    from training, or the training images), how many images, or whose handwriting.
# ### END MARK SCHEME

# %% [markdown] nbgrader={"grade": true, "grade_id": "ex9-explain", "locked": false, "points": 3, "solution": true, "schema_version": 3}
# ### BEGIN SOLUTION
# Many of the 8s the reader called 1 are narrow: at 8 × 8 squares their two loops are squeezed
# into a thick vertical stroke, which is what a 1 looks like. The tree only asks about a few
# squares, so if those squares are inked in the middle it answers 1. I would not expect the
# same accuracy on my handwriting: the test images came from the same few writers and the same
# forms as the training images, and other people shape their 8s and 1s in other ways. I would ask the company: on
# which images did you measure the 100%, and were any of them used to train the reader?
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "summary", "schema_version": 3}
# ## What to take away
#
# - A model is a rule learned from examples; what it learns depends on the examples it is given.
# - Judge a model only on data it did not learn from. A score on its own training data measures
#   its memory, and can be 100% for a model that does much worse on anything new.
# - A single accuracy hides *which* mistakes a model makes. A confusion table shows them, and
#   looking at the mistaken examples often shows why.
#
# In module 3 you will see what the same kind of digit model does with images that are not
# digits at all.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "references", "schema_version": 3}
# ## References
#
# 1. Touretzky, D., Gardner-McCune, C., Martin, F., & Seehorn, D. (2019). Envisioning AI for
#    K-12: what should every child know about AI? *Proceedings of the AAAI Conference on
#    Artificial Intelligence*, 33(01), 9795–9799. (The Five Big Ideas in AI; big idea 3,
#    learning: computers can learn from data.)
# 2. University of Helsinki & MinnaLearn. *Elements of AI*, chapter 4, "Machine learning",
#    section I, "The types of machine learning". (Training and test data, generalising, and
#    overfitting.)
# 3. Alpaydin, E., & Kaynak, C. (1998). Optical Recognition of Handwritten Digits. UCI Machine
#    Learning Repository; shipped with scikit-learn as `sklearn.datasets.load_digits`, whose
#    description gives the figures used here (1,797 images of 8 × 8 squares from 0 to 16; 43
#    writers, 13 of them in this copy).
# 4. Pedregosa, F., et al. (2011). Scikit-learn: machine learning in Python. *Journal of Machine
#    Learning Research*, 12, 2825–2830; and the scikit-learn user guide, "Nearest Neighbors" and
#    "Decision Trees" (a tree grows until its leaves are pure unless a limit is set).
# 5. AI4K12 Initiative (2020). *Big Idea 3: Learning, progression chart* (draft v0.1). (The
#    learning phase and the application phase; why large amounts of training data are needed
#    when a model can take on many different behaviours.)
