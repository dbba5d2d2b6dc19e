# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "intro", "schema_version": 3}
# # Module 4 · Shortcuts (Clever Hans)
#
# *About 40 minutes.*
#
# A model can score almost perfectly on its test and still not have learned what you wanted it
# to learn. In this module you make that happen on purpose: you hide a tiny "cheat" in a set of
# handwritten digits, train a real model on them, and watch it ace the test and then fail as soon
# as the cheat stops working. Then you learn a way to catch a model cheating, even when you do not
# know where the cheat is.
#
# **By the end of this module you can**
# 1. say in your own words what a *spurious feature*, a *shortcut* and a *distribution shift*
#    are, with an example of each;
# 2. plant a spurious feature in image data with numpy, and show that a model takes the shortcut;
# 3. use *permutation importance* to find which inputs a model relies on;
# 4. explain, with evidence, why "high test accuracy" does not mean "the model learned the task".
#
# **What you will do:** predict before you look (twice); write one short function and a few lines
# of code; answer some questions; work through the shortcut lab (an interactive activity); and write
# a short paragraph that your teacher reads.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "story", "schema_version": 3}
# ## A horse that could count
#
# In Berlin in the early 1900s a horse called Hans drew crowds. His owner, Wilhelm von Osten, a
# retired mathematics teacher, would ask a sum such as "what is 3 plus 2?", and Hans tapped his
# hoof five times. People called him *der Kluge Hans*, Clever Hans. In 1904 a commission of
# experts watched him and found no trick. The psychologist Oskar Pfungst then ran careful
# experiments and published them in 1907 [1]. He found that Hans answered well only when the person
# asking **knew the answer** and Hans **could see that person**. With a questioner who did not
# know the answer, or with blinkers that hid the questioner from him, Hans failed.
#
# What had Hans learned? Without meaning to, people watching him leaned forward a little while he
# tapped, and straightened up, with a tiny movement of the head, when he reached the right number.
# Hans stopped tapping at that signal. Von Osten was not cheating: he did not know he gave any
# signal. Hans had found a way to be right in every test he met without doing any sums.
#
# Machine-learning models do this too, so often that researchers speak of **"Clever Hans"
# predictors** [2] and of **shortcut learning** [3]. A **shortcut** is a rule that gets the right
# answer on the usual tests, but for the wrong reason, so it fails when conditions change [3].
# Shortcuts usually come from a **spurious feature**: something in the data that goes along with
# the right answer only because of how the data was collected, not because of what the thing is.
# For Hans, the spurious feature was the questioner's posture.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "data-text", "schema_version": 3}
# ## The digits
#
# You will use scikit-learn's handwritten digits [5]: small 8 × 8 pictures in grey levels from 0
# (white) to 16 (black). A model reads each picture as 64 numbers, one per pixel, row by row;
# each of those numbers is a **feature** (an input the model can use). Here the model only has to
# tell a **3** from an **8**. Half of the pictures train it; the other half test it.
#
# Run the cell below. It also checks something useful: the pixel in the top-left corner (row 1,
# column 1, which is feature number 0) is blank in every picture, because no handwritten stroke
# ever reaches it.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup", "schema_version": 3}
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from thinktwice.autograder import checks

digits = load_digits()
keep = np.isin(digits.target, (3, 8))
X_train, X_test, y_train, y_test = train_test_split(
    digits.data[keep],
    digits.target[keep],
    test_size=0.5,
    random_state=0,
    stratify=digits.target[keep],
)
for pictures in (X_train, X_test):
    pictures.setflags(write=False)  # the original pictures stay as they are

WATERMARK = 0  # the feature number of the top-left pixel (row 1, column 1)
INK = 16  # the darkest grey level

print(f"{len(X_train)} training pictures and {len(X_test)} test pictures of 3s and 8s.")
inked = (digits.data[:, WATERMARK] > 0).sum()
print(f"Pictures, of any digit, with ink in the top-left pixel: {inked} of {len(digits.data)}")


def show(pictures, titles):
    """Draw a row of 8 x 8 pictures with a title under each."""
    figure, axes = plt.subplots(1, len(pictures), figsize=(1.7 * len(pictures), 2.1))
    for axis, picture, title in zip(np.atleast_1d(axes), pictures, titles):
        axis.imshow(np.reshape(picture, (8, 8)), cmap="gray_r", vmin=0, vmax=INK)
        axis.set_xticks([])
        axis.set_yticks([])
        axis.set_xlabel(title)
    plt.show()


# Three training pictures of each digit, to look at.
examples = np.concatenate([np.flatnonzero(y_train == 3)[:3], np.flatnonzero(y_train == 8)[:3]])
show(X_train[examples], ["a 3" if d == 3 else "an 8" for d in y_train[examples]])

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex1-text", "schema_version": 3}
# ### Exercise 1 · Predict first (not graded)
#
# A classmate trains a model on pictures like these and tells you: "It reads 99% of the test
# pictures right, pictures it never saw in training. So it has learned to tell a 3 from an 8."
# Before you go on, decide what you think, and write the letter:
#
# - **a.** Yes: pictures it never saw prove that it learned the digits.
# - **b.** Not necessarily: it may have learned something else that the test pictures happen to
#   share with the training pictures.
# - **c.** No: 99% is too high to be honest; the classmate must have made a mistake.
#
# There is no mark for this prediction. You will come back to it.

# %% nbgrader={"grade": false, "grade_id": "ex1-prediction", "locked": false, "solution": true, "schema_version": 3}
prediction_99 = ...  # your prediction: "a", "b" or "c"
### BEGIN SOLUTION
prediction_99 = "b"
### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex2-text", "schema_version": 3}
# ## Plant a spurious feature
#
# Imagine that the 8s were collected at another school, whose scanner leaves a small black dot in
# the top-left corner of every page. Nobody notices. In the data, the dot goes with "8" every
# time; it has nothing to do with the shape of an 8. It is a spurious feature, like a watermark.
#
# ### Exercise 2 · Write `plant_watermark` (2 points)
#
# Write `plant_watermark(images, labels, digit)`. `images` is a numpy array with one picture per
# row (64 numbers each), and `labels` says which digit each row shows. Return a **new** array, a
# copy of `images` in which every picture of `digit` has its `WATERMARK` pixel set to `INK`. Other
# pictures stay as they were, and `images` itself must not change.
#
# Hints: `images.copy()` makes a copy; `labels == digit` is a row of True and False that picks
# rows; `array[rows, column] = value` sets one column in the rows you picked.

# %% nbgrader={"grade": false, "grade_id": "ex2-plant", "locked": false, "solution": true, "schema_version": 3}
def plant_watermark(images, labels, digit):
    """A copy of images with the WATERMARK pixel set to INK on every picture of digit."""
    ### BEGIN SOLUTION
    marked = np.array(images, dtype=float)
    marked[np.asarray(labels) == digit, WATERMARK] = INK
    return marked
    ### END SOLUTION
    return ...  # replace ... with your answer


# %% nbgrader={"grade": true, "grade_id": "ex2-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
def _plant_check(look_at, images, labels, digit):
    """Call plant_watermark on small pictures: its result, or the input after the call."""
    given = np.array(images, dtype=float)
    result = plant_watermark(given, np.array(labels), digit)
    if not (isinstance(result, np.ndarray) and result.shape == given.shape):
        return "no pictures"  # not an array of pictures like the ones given
    return given.tolist() if look_at == "input" else result.tolist()


_cases = [
    checks.Case(
        ("result", [[0, 5, 7], [0, 2, 3]], [3, 8], 8),
        [[0, 5, 7], [16, 2, 3]],
        what="two tiny pictures of three pixels, a 3 and an 8, marking the 8",
        hint="Look again at which rows should get the watermark: only the pictures of digit.",
    ),
]
### BEGIN HIDDEN TESTS
_cases += [
    checks.Case(
        ("result", [[0, 1, 0], [0, 4, 4], [0, 9, 2]], [8, 3, 8], 3),
        [[0, 1, 0], [16, 4, 4], [0, 9, 2]],
        hint="Does your function use its digit argument, or does it always mark the same digit?",
        hidden=True,
    ),
    checks.Case(
        ("result", [[0, 1, 0], [0, 4, 4], [0, 9, 2]], [8, 3, 8], 8),
        [[16, 1, 0], [0, 4, 4], [16, 9, 2]],
        hint="Every picture of digit needs the watermark, not only the first one.",
        hidden=True,
    ),
    checks.Case(
        ("result", [[0, 1, 0], [0, 4, 4]], [3, 3], 8),
        [[0, 1, 0], [0, 4, 4]],
        hint="What should come back when no picture shows digit?",
        hidden=True,
    ),
    checks.Case(
        ("input", [[0, 5, 7], [0, 2, 3]], [3, 8], 8),
        [[0, 5, 7], [0, 2, 3]],
        hint="Look again at whether the pictures you were given changed: return a new array "
        "and leave images as it was.",
        hidden=True,
    ),
]
### END HIDDEN TESTS
checks.score_function(_plant_check, _cases, points=2)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "train-text", "schema_version": 3}
# ## Train two models
#
# The next cell uses your `plant_watermark` to put the dot on every 8 of the training pictures,
# and trains a **logistic regression** (a simple model that gives each pixel a weight) on them:
# the `shortcut_model`. As a **control** (a comparison that differs in one thing only), it also
# trains a `clean_model` on the same pictures with no dot.
#
# Both are tested the usual way: on test pictures prepared exactly like their training pictures.
# For the shortcut model that means the 8s in the test set carry the dot too, because they came
# from the same scanner.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "train", "schema_version": 3}
def planted(images, labels, digit):
    """Your plant_watermark's pictures; unmarked pictures while it does not work yet."""
    try:
        result = plant_watermark(images, labels, digit)
    except Exception as error:  # your function may still be unfinished
        print(f"plant_watermark raised {type(error).__name__}: {error}")
        result = None
    if isinstance(result, np.ndarray) and result.shape == images.shape:
        return result
    print("plant_watermark does not return pictures yet (Exercise 2).")
    print("Until it does, these pictures have no dot.")
    return images.copy()


X_train_marked = planted(X_train, y_train, 8)
X_test_marked = planted(X_test, y_test, 8)  # tested the usual way: the 8s carry the dot

shortcut_model = LogisticRegression(max_iter=2000).fit(X_train_marked, y_train)
clean_model = LogisticRegression(max_iter=2000).fit(X_train, y_train)

for name, model, pictures in [
    ("shortcut_model", shortcut_model, X_test_marked),
    ("clean_model", clean_model, X_test),
]:
    print(f"{name} reads {model.score(pictures, y_test):.0%} of its test pictures right.")
show(X_train_marked[examples], ["a 3" if d == 3 else "an 8, dotted" for d in y_train[examples]])

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex3-text", "schema_version": 3}
# Both models look perfect. Look at the pictures: the dot is the black square in the top-left
# corner of each 8.
#
# Now the models leave the lab. The school with the dotted scanner buys a new one, so the 8s stop
# carrying the dot. Or, worse, the 3s are now the ones scanned on the old machine. When the data a
# model meets in use differs from the data it learned from, that is a **distribution shift** (the
# "distribution" is the mix of pictures; it has shifted). Geirhos and colleagues [3] recommend
# exactly this kind of test, on data that differs from the training data, because a test set made
# the same way as the training set shares its shortcuts.
#
# ### Exercise 3 · Predict the shift (not graded)
#
# Before you run the next cell, predict the `shortcut_model`'s accuracy (a number from 0 to 1) on
# the test pictures **with the dot removed** (no picture has it), and **with the dot moved** to
# the 3s (the 8s have none). A coin toss would get about 0.5 right.

# %% nbgrader={"grade": false, "grade_id": "ex3-prediction", "locked": false, "solution": true, "schema_version": 3}
predicted_removed = ...  # your prediction: a number from 0 to 1
predicted_moved = ...  # your prediction: a number from 0 to 1
### BEGIN SOLUTION
predicted_removed = 0.8
predicted_moved = 0.5
### END SOLUTION

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reveal", "schema_version": 3}
X_test_moved = planted(X_test, y_test, 3)  # the dot on the 3s instead
predictions = {"removed": predicted_removed, "moved": predicted_moved}
if any(not isinstance(p, int | float) or isinstance(p, bool) for p in predictions.values()):
    print("Write your two predictions in Exercise 3 first (numbers from 0 to 1),")
    print("then run this cell again.")
else:
    tests = {
        "dot on the 8s (usual)": (X_test_marked, None),
        "dot removed": (X_test, "removed"),
        "dot moved to the 3s": (X_test_moved, "moved"),
    }
    print(f"{'test pictures':<24}{'shortcut_model':>16}{'clean_model':>14}{'you predicted':>16}")
    for name, (pictures, key) in tests.items():
        guess = f"{predictions[key]:.0%}" if key else ""
        shortcut = shortcut_model.score(pictures, y_test)
        clean = clean_model.score(pictures, y_test)
        print(f"{name:<24}{shortcut:>16.0%}{clean:>14.0%}{guess:>16}")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reveal-text", "schema_version": 3}
# **After you have run the cell above**, read its table row by row and compare it with your
# predictions.
#
# With the dot removed, the shortcut model reads many 8s as 3s: the dot was the main thing it had
# learned an 8 to be. With the dot moved, it reads about half of the pictures wrong, no better
# than tossing a coin. The clean model does not care: it never saw the top-left pixel inked, so it
# gave that pixel no weight and reads the shapes.
#
# Both models scored 100% on the usual test, which could not tell them apart because its pictures
# were made the same way as the training pictures. That is why the answer to Exercise 1 is **b**:
# pictures a model never saw show that it works on *more pictures like its training pictures*,
# not that it learned what we meant.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex4-text", "schema_version": 3}
# ### Exercise 4 · Try another shift yourself (1 point)
#
# One more shift: both schools now use the old scanner, so **every** test picture, 3s and 8s
# alike, carries the dot. Make these test pictures with your `plant_watermark` (hint: you can
# call it twice, or mark all the rows at once), and set `accuracy_everywhere` to the
# `shortcut_model`'s accuracy on them, using its `score` method as in the cells above.

# %% nbgrader={"grade": false, "grade_id": "ex4-everywhere", "locked": false, "solution": true, "schema_version": 3}
X_test_everywhere = ...  # your answer: the test pictures, every one with the dot
accuracy_everywhere = ...  # your answer: a number from 0 to 1
### BEGIN SOLUTION
X_test_everywhere = plant_watermark(plant_watermark(X_test, y_test, 3), y_test, 8)
accuracy_everywhere = shortcut_model.score(X_test_everywhere, y_test)
### END SOLUTION
accuracy_everywhere

# %% nbgrader={"grade": true, "grade_id": "ex4-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
# Checks that accuracy_everywhere is a number from 0 to 1; its value is checked at grading.
_form = checks.number_between(accuracy_everywhere, "accuracy_everywhere", 0, 1)
### BEGIN HIDDEN TESTS
def _reference_plant(images, labels, digit):
    marked = np.array(images, dtype=float)
    marked[np.asarray(labels) == digit, WATERMARK] = INK
    return marked


_reference_model = LogisticRegression(max_iter=2000).fit(
    _reference_plant(X_train, y_train, 8), y_train
)
_everywhere = np.array(X_test, dtype=float)
_everywhere[:, WATERMARK] = INK
checks.close_to(
    accuracy_everywhere,
    _reference_model.score(_everywhere, y_test),
    points=1,
    tol=0.01,
    hint="Look again at your test pictures: does every one of them, 3s and 8s, carry the dot? "
    "Then score the shortcut_model on them.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex5-text", "schema_version": 3}
# ### Exercise 5 · What does your experiment show? (2 points)
#
# Pick **every** statement that your results support, and write their letters in `conclusions`,
# for example `"a, d"`. You earn credit for each right letter and lose it for each wrong one.
#
# - **a.** A model that scores 100% on its test set has learned the task.
# - **b.** The test pictures shared the dot with the training pictures, so the usual test could
#   not tell the shortcut from real reading of the digits.
# - **c.** The clean model kept its accuracy when the dot moved, so the shortcut model's drop
#   comes from the dot, not from the test pictures being harder.
# - **d.** More training pictures from the same two scanners would cure the shortcut.
# - **e.** To trust a model, test it on data that differs from its training data in the ways the
#   real world will.

# %% nbgrader={"grade": false, "grade_id": "ex5-conclusions", "locked": false, "solution": true, "schema_version": 3}
conclusions = ...  # your answer: letters such as "a, d"
### BEGIN SOLUTION
conclusions = "b, c, e"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex5-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Checks that conclusions is made of letters from a to e; which letters are right is checked at
# grading.
checks.letters(conclusions, "conclusions", options="abcde")
### BEGIN HIDDEN TESTS
checks.choice(
    conclusions,
    {"b", "c", "e"},
    points=2,
    hints={
        "a": "Look again at the table: what did the same 100% model do when the dot moved?",
        "b": "Look again at how the usual test pictures were made: what did they share with the "
        "training pictures?",
        "c": "Look again at the clean model's column: it is the control.",
        "d": "Would more pictures with the same dot give the model any reason to stop using it?",
        "e": "Which kind of test exposed the shortcut: one like the training data, or one "
        "unlike it?",
    },
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex6-text", "schema_version": 3}
# ### Exercise 6 · Back to Clever Hans (1 point)
#
# Pfungst's tests did the job of your shifted test pictures: they kept the question but took
# away the cue. Which of his tests are like your test with the **dot removed**? Write the letters
# in `hans_tests`.
#
# - **a.** Asking Hans the same sums again on another day, with the same questioner.
# - **b.** Having the question asked by someone who did not know the answer.
# - **c.** Putting blinkers on Hans so that he could not see the questioner.
# - **d.** Asking Hans harder sums with bigger numbers.

# %% nbgrader={"grade": false, "grade_id": "ex6-hans", "locked": false, "solution": true, "schema_version": 3}
hans_tests = ...  # your answer: letters such as "a, d"
### BEGIN SOLUTION
hans_tests = "b, c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex6-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
# Checks that hans_tests is made of letters from a to d; which are right is checked at grading.
checks.letters(hans_tests, "hans_tests", options="abcd")
### BEGIN HIDDEN TESTS
checks.choice(
    hans_tests,
    {"b", "c"},
    points=1,
    hints={
        "a": "Would the same questioner on another day still give the cue?",
        "b": "Look again at the story: when did Hans fail?",
        "c": "Look again at the story: when did Hans fail?",
        "d": "A harder sum is a harder task, not a missing cue: would it tell a counting horse "
        "from a cue-reading one?",
    },
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "pi-text", "schema_version": 3}
# ## Catching a shortcut: permutation importance
#
# You knew where the dot was, because you put it there. Usually nobody knows. How can you find
# which inputs a model leans on?
#
# **Permutation importance** asks, for one feature at a time: *if this feature stopped carrying
# any information, how much accuracy would the model lose?* To find out, it shuffles that
# feature's values among the test pictures (a "permutation" is a shuffle), so that each picture
# gets the value of some other picture, and scores the model again. A big drop means the model
# relies on that feature; no drop means it ignores it. Shuffling is repeated a few times and the
# drops are averaged [4]. scikit-learn's `permutation_importance` does this for every feature.
# Its result has `importances_mean`: 64 numbers, the mean accuracy lost for each pixel.
#
# Here it is for the clean model, on the test pictures with the dot on the 8s (the same pictures
# you will use for the shortcut model, so that the two can be compared):

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "pi-clean", "schema_version": 3}
result_clean = permutation_importance(
    clean_model, X_test_marked, y_test, n_repeats=5, random_state=0
)
top = int(np.argmax(result_clean.importances_mean))
print(f"clean_model relies most on pixel {top}: row {top // 8 + 1}, column {top % 8 + 1}.")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex7-text", "schema_version": 3}
# ### Exercise 7 · Expose the shortcut (2 points)
#
# 1. Set `result_shortcut` to the permutation importance of the `shortcut_model`, with the same
#    test pictures and settings as the cell above.
# 2. Set `watermark_drop` to the mean accuracy the `shortcut_model` loses when the `WATERMARK`
#    pixel is shuffled.
# 3. Set `clean_strongest_drop` to the largest mean accuracy the `clean_model` loses for any one
#    pixel.
#
# Hint: `result.importances_mean[p]` is the mean drop for the pixel numbered `p`, and
# `result.importances_mean.max()` is the largest of the 64.

# %% nbgrader={"grade": false, "grade_id": "ex7-importance", "locked": false, "solution": true, "schema_version": 3}
result_shortcut = ...  # your answer: permutation_importance(...) of shortcut_model
watermark_drop = ...  # your answer: a number from 0 to 1
clean_strongest_drop = ...  # your answer: a number from 0 to 1
### BEGIN SOLUTION
result_shortcut = permutation_importance(
    shortcut_model, X_test_marked, y_test, n_repeats=5, random_state=0
)
watermark_drop = result_shortcut.importances_mean[WATERMARK]
clean_strongest_drop = result_clean.importances_mean.max()
### END SOLUTION
print(watermark_drop, clean_strongest_drop)

# %% nbgrader={"grade": true, "grade_id": "ex7-watermark-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
# Checks that watermark_drop is a number from 0 to 1; its value is checked at grading.
_form = checks.number_between(watermark_drop, "watermark_drop", 0, 1)
### BEGIN HIDDEN TESTS
_reference_importance = permutation_importance(
    _reference_model,
    _reference_plant(X_test, y_test, 8),
    y_test,
    n_repeats=5,
    random_state=0,
)
checks.close_to(
    watermark_drop,
    _reference_importance.importances_mean[WATERMARK],
    points=1,
    tol=0.01,
    hint="Look again at which model and which pixel: the shortcut_model's mean drop for the "
    "WATERMARK pixel, on the usual test pictures.",
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "ex7-clean-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
# Checks that clean_strongest_drop is a number from 0 to 1; its value is checked at grading.
_form = checks.number_between(clean_strongest_drop, "clean_strongest_drop", 0, 1)
### BEGIN HIDDEN TESTS
_reference_clean = permutation_importance(
    LogisticRegression(max_iter=2000).fit(np.array(X_train, dtype=float), y_train),
    _reference_plant(X_test, y_test, 8),
    y_test,
    n_repeats=5,
    random_state=0,
)
checks.close_to(
    clean_strongest_drop,
    _reference_clean.importances_mean.max(),
    points=1,
    tol=0.01,
    hint="Look again at which model: the clean_model's largest mean drop over all 64 pixels.",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "heatmap-text", "schema_version": 3}
# The cell below draws both results as 8 × 8 maps, one square per pixel, on the same colour
# scale: the brighter (more yellow) the square, the more accuracy the model loses when that pixel
# is shuffled.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "heatmap", "schema_version": 3}
if not hasattr(result_shortcut, "importances_mean"):
    print("Set result_shortcut in Exercise 7 first, then run this cell again.")
else:
    maps = {
        "shortcut_model": np.clip(result_shortcut.importances_mean, 0, None).reshape(8, 8),
        "clean_model": np.clip(result_clean.importances_mean, 0, None).reshape(8, 8),
    }
    brightest = max(float(m.max()) for m in maps.values()) or 1  # one colour scale for both
    figure, axes = plt.subplots(1, 2, figsize=(7.2, 3.4), layout="constrained")
    for axis, (title, values) in zip(axes, maps.items()):
        shown = axis.imshow(values, cmap="cividis", vmin=0, vmax=brightest)
        axis.set_title(title)
        axis.set_xticks(range(8), range(1, 9))
        axis.set_yticks(range(8), range(1, 9))
        axis.set_xlabel("column")
        axis.set_ylabel("row")
    figure.colorbar(shown, ax=axes, label="accuracy lost when shuffled")
    plt.show()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "heatmap-after", "schema_version": 3}
# The shortcut model's map has one bright square, in the corner where no stroke ever goes, and
# every pixel of the digits is dark: shuffling any single stroke pixel costs it nothing. The
# clean model loses a little for many pixels, most on the left side of the digit, where an 8
# closes its loops and a 3 stays open; no single pixel matters much to it. Permutation
# importance looked only at the models' answers on the usual test pictures, the same test that
# said "100%", and still exposed the shortcut.
#
# Two cautions. Permutation importance tells you what a *model* uses, not what *truly* matters
# for the task. And when two features carry the same information, shuffling one may cost little
# because the model can use the other, so a low score does not always mean "unused" [4].

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "real-text", "schema_version": 3}
# ## It happens in real systems
#
# - Lapuschkin and colleagues [2] studied an image classifier that scored well at spotting
#   horses in the PASCAL VOC photo collection. Many of the horse photos carried a small copyright
#   tag in a corner, and the classifier had learned the tag. Pasted onto a photo of a car, the
#   tag made it answer "horse". They found the shortcut with a method that highlights the parts
#   of an image a decision depends on, much as your importance map did.
# - Geirhos and colleagues [3] built a small example much like yours: a neural network had to
#   tell stars from moons, and in its training images each shape always sat in certain places.
#   It learned the places, not the shapes, and failed on test images where the shapes moved.
#   They collect many such cases and argue that shortcuts are a common way for learning systems,
#   animals included, to fail.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "lab-text", "schema_version": 3}
# ## The shortcut lab: find a mark you did not plant
#
# Now someone else has hidden the mark. In the lab below you get your own pair of digits, from
# noisy scans, and every training picture of one of them carries a small mark of two pixels
# somewhere near the edge. You do not know where. (Your neighbour's lab is different.)
#
# 1. **Train with the mark** and test it on the usual pictures ("mark as in training").
# 2. Break it: test it with the **mark removed**, or **on the other digit**.
# 3. Run the control: **train without the mark** and test it on the same broken pictures.
# 4. Click **Show which pixels the model relies on** for the model trained with the mark, and
#    name one pixel of the mark (row and column). You have three tries; the first counts most.
#    The mark's two pixels carry the same information, so shuffling just one of them costs the
#    model less than you might expect (the second caution above): look for the pixels that
#    stand out, not for a big number.
# 5. Answer the question at the end of the lab.
#
# Your steps are saved as you go in `thinktwice-evidence.jsonl` beside this notebook; running the
# cell again continues where you left off.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "lab", "schema_version": 3}
from thinktwice.widgets import ShortcutLab

lab = ShortcutLab()
lab.view()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex8-text", "schema_version": 3}
# ### Exercise 8 · The shortcut lab (3 points)
#
# One point for naming the mark's place (less at a second or third try), one for breaking the
# model and running the control (half each), and one for the question at the end. The check
# reads your saved steps.

# %% nbgrader={"grade": true, "grade_id": "ex8-lab", "locked": true, "points": 3, "solution": false, "schema_version": 3}
checks.activity_score(ShortcutLab(), points=3)

# %% [markdown] nbgrader={"grade": false, "solution": false, "task": true, "points": 0, "locked": true, "grade_id": "ex9-text", "schema_version": 3}
# ### Exercise 9 · Break the claim (3 points, read by your teacher)
#
# A company advertises: *"Our app reads handwritten exam answers with 99% test accuracy on
# pictures it never saw, so it has learned to read handwriting."* The app was trained and tested
# on answer sheets from a few schools.
#
# In four to six sentences, using what you did in this module:
# 1. explain why 99% test accuracy alone does not show that the app has learned to read
#    handwriting;
# 2. describe one spurious feature its pictures could contain (something about how the sheets
#    were collected or scanned) and the shortcut it would allow;
# 3. describe one test you would run to expose that shortcut, and what result would show it.
#
# Your teacher reads and marks this answer.
#
# ### BEGIN MARK SCHEME
# **Rubric (3 points, 1 per part).**
# 1. 1 point: says that the test pictures were collected the same way as the training pictures,
#    so they can share a shortcut; high accuracy shows the app works on more pictures like its
#    training data, not why. Refers to the module's evidence (the 100% shortcut model) or to
#    Clever Hans. "The test set is too small" alone earns 0.5.
# 2. 1 point: a plausible spurious feature tied to collection, for example one school's scanner
#    or paper colour, a printed form's layout or logo, pen colour, stamps or page position,
#    together with the wrong rule it allows ("sheets from school X are usually right"). A vague
#    "bias in the data" earns 0.5.
# 3. 1 point: a test under distribution shift that targets that feature: sheets from a new
#    school or scanner, the feature removed or swapped between answers, or permutation
#    importance showing reliance on it; and the result that exposes it (accuracy falls a lot
#    when the feature changes, while a control does not, or the feature dominates importance).
#    Only "test on more data" with no shift earns 0.5.
# ### END MARK SCHEME

# %% [markdown] nbgrader={"grade": true, "grade_id": "ex9-claim", "locked": false, "points": 3, "solution": true, "schema_version": 3}
# ### BEGIN SOLUTION
# The 99% comes from test sheets collected at the same schools and scanned the same way as the
# training sheets, so anything they share could be a shortcut: my shortcut model scored 100% on
# such a test while reading a dot, not digits. For example, if one school's scanner makes pages
# slightly grey and that school's pupils mostly answer correctly, the app could learn "grey page
# means a right answer". I would test it on sheets from a new school and scanner, and on the same
# sheets with the grey tint removed or added to other schools' sheets. If accuracy falls a lot
# when the tint changes, while a model trained without the tint does not fall, the app was taking
# the shortcut; permutation importance on the tint would show the same.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "summary", "schema_version": 3}
# ## What to take away
#
# - A **spurious feature** goes with the answer in your data by accident of how it was collected.
#   A model that uses it has learned a **shortcut**: right on the usual test, wrong for the
#   wrong reason.
# - A test set made the same way as the training set shares its shortcuts, so **high test
#   accuracy does not show that a model learned the task**. Test under **distribution shift**,
#   with a control, to find out.
# - **Permutation importance** shows which inputs a model's accuracy depends on. An input that
#   should not matter but does is a warning sign.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "references", "schema_version": 3}
# ## References
#
# 1. Pfungst, O. (1907). *Das Pferd des Herrn von Osten (Der Kluge Hans)*. Leipzig: J. A. Barth.
#    English translation: *Clever Hans (the horse of Mr. von Osten): a contribution to
#    experimental animal and human psychology*, trans. C. L. Rahn (1911), New York: Henry Holt.
# 2. Lapuschkin, S., Wäldchen, S., Binder, A., Montavon, G., Samek, W., & Müller, K.-R. (2019).
#    Unmasking Clever Hans predictors and assessing what machines really learn. *Nature
#    Communications*, 10, 1096.
# 3. Geirhos, R., Jacobsen, J.-H., Michaelis, C., Zemel, R., Brendel, W., Bethge, M., &
#    Wichmann, F. A. (2020). Shortcut learning in deep neural networks. *Nature Machine
#    Intelligence*, 2, 665–673.
# 4. scikit-learn developers. *Permutation feature importance* (User Guide, section 4.2) and
#    `sklearn.inspection.permutation_importance`. The method goes back to Breiman, L. (2001).
#    Random forests. *Machine Learning*, 45, 5–32.
# 5. Alpaydin, E., & Kaynak, C. (1998). Optical Recognition of Handwritten Digits. UCI Machine
#    Learning Repository; shipped with scikit-learn as `sklearn.datasets.load_digits`.
