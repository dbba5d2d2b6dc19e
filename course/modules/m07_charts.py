# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "intro", "schema_version": 3}
# # Module 7 · Misleading charts
#
# *About 40 minutes.*
#
# Suppose you ask an AI assistant to turn a table of numbers into a chart. A chart looks like
# plain fact, but whoever draws it chooses where its scales start, which stretch of the data it shows
# and how big its shapes are. Each choice can make the same true numbers tell a different
# story. In this module an imaginary assistant has drawn some charts for a school newsletter.
# You find their tricks, check one of their claims against the numbers, and draw an honest chart
# yourself in Python.
#
# **By the end of this module you can**
# 1. spot four chart tricks (a truncated axis, two y axes, a cherry-picked time window, and
#    sizes drawn by radius instead of area) and say how each one misleads;
# 2. check a claim read off a chart ("sales tripled") by working out the real figure from the
#    data, and measure how much the chart exaggerates it;
# 3. say when a chart's y axis must start at 0 and when it need not;
# 4. draw an honest bar chart with matplotlib (Python's best-known library for charts): bars
#    from 0, every value shown, both axes labelled.
#
# **What you will do:** predict which of three charts mislead; name the trick in four charts
# with the chart detective and redraw each one honestly; work out what the assistant's "sales
# tripled" chart really shows; write a function that measures how much a chart exaggerates;
# redraw the assistant's chart in code; and write a short reply to the person who asked for it.
# Most answers are checked by the computer; the last one is read by your teacher.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "words", "schema_version": 3}
# ## A few words first
#
# - A chart's **axis** is the scale along one of its edges. The **x axis** runs along the
#   bottom (months, names, groups); the **y axis** runs up the side and measures the values.
# - In a **bar chart**, each value is drawn as a bar. Your eye compares the bars' *lengths*, so
#   a bar's length must stand for its value. That only works if every bar starts at 0 [1][2].
# - An axis is **truncated** when it is cut short: here, a y axis that starts far above 0.
# - Bergstrom and West, two researchers who teach a university course on spotting misleading
#   numbers, call the general rule the *principle of proportional ink*: when a shape stands for
#   a number, the amount of ink in it (its area) should be in proportion to that number [1][3].
#
# ## Before you look: predict (not graded)
#
# Here are three charts an assistant drew of made-up school figures. Which of them mislead
# the reader? Write the letters of every chart you think misleads, such as `"a"` or `"a, b"`, or
# `"none"`, then run the cell. It is not graded: you will find out after the chart detective.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "first-look", "schema_version": 3}
from IPython.display import HTML

from thinktwice.widgets.chart_detective import first_look_html

HTML(first_look_html())

# %% nbgrader={"grade": false, "grade_id": "prediction", "locked": false, "solution": true, "schema_version": 3}
my_prediction = ...  # your prediction: the charts that mislead, such as "a, b", or "none"
### BEGIN SOLUTION
my_prediction = "a, b"
### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "detective-text", "schema_version": 3}
# ## Part 1 · The chart detective
#
# The assistant has made four more charts, each with one trick planted in it. For each chart:
#
# 1. **Name its trick.** Read the chart and the four tricks, choose one and press *Name the
#    trick*. Your first answer counts, so look carefully before you press.
# 2. **Redraw it honestly** with the control that appears, and press *Check my redraw*. The
#    check reads your redrawn figure itself (where its axes start, how long its bars are, how
#    big its circles are), not the buttons you pressed. You can try again as often as you like.
#
# Each chart has a table of its numbers under it ("The numbers in chart 1"); open it when you
# want to check what the chart shows. If you know some Python, each chart also shows code that
# redraws it your own way. Your answers are saved as you go in `thinktwice-evidence.jsonl`
# beside this notebook; if you run the cell again, the detective continues where you left off.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "detective", "schema_version": 3}
from thinktwice.widgets import ChartDetective

detective = ChartDetective()
detective.view()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex1-text", "schema_version": 3}
# ### Exercise 1 · Finish the detective's case (4 points)
#
# The check below reads your saved work: for each of the four charts, whether you named its
# trick right (your first answer) and whether one of your redraws passed the check. Run it when
# you have done all four charts; it tells you which chart still needs work.

# %% nbgrader={"grade": true, "grade_id": "ex1-detective", "locked": true, "points": 4, "solution": false, "schema_version": 3}
from thinktwice.autograder import Score, checks

checks.activity_score(ChartDetective(), points=4)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reveal-text", "schema_version": 3}
# ## Your prediction, revealed
#
# Look back at the three charts at the top.
#
# - **Chart A misleads.** Its y axis starts at 76%, so class 1B's bar looks more than three
#   times as long as class 1A's, although 83% is only 5 points more than 78%. It is a truncated
#   axis.
# - **Chart B does not mislead,** even though its y axis starts at 13 °C, not at 0. A line chart
#   is read by where the line is and how steeply it rises or falls, not by the length of
#   anything, so it need not start at 0. Its axis should cover the range of the values, so that
#   their changes show clearly; starting at 0 °C would squash the day's rise into a flat line
#   [2].
# - **Chart C does not mislead.** Its bars start at 0, so their lengths compare fairly.
#
# So the rule is not "every axis starts at 0". It is: **a value drawn as a length (a bar) must
# be measured from 0** [1][2]. Run the cell to see what you predicted.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reveal", "schema_version": 3}
_said = str(my_prediction).lower().replace(",", " ").split() if my_prediction is not ... else []
print("You predicted that these charts mislead:", ", ".join(_said).upper() or "nothing yet.")
if set(_said) == {"a"}:
    print("That is right: only chart A misleads.")
elif "b" in _said:
    print("Chart B is a line chart: it does not need to start at 0. Only chart A misleads.")
else:
    print("Look at chart A again: its bars start at 76%, not at 0. Only chart A misleads.")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex2-text", "schema_version": 3}
# ### Exercise 2 · How much bigger does it look? (1 point)
#
# One of your four charts drew each value as a circle whose *radius* (the distance from its
# middle to its edge) grew with the value. The cell below prints that chart's numbers. The area
# of a circle is π × radius × radius, so doubling a circle's radius makes its area four times
# as big. By the principle of proportional ink, it is a circle's area, the ink in it, that should
# grow in proportion to its value [3]; a chart that sizes circles by radius exaggerates.
#
# In your chart, the *biggest* circle's area is how many times the *smallest* circle's area?
# Work it out from the numbers and write it in `area_ratio`.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "circles", "schema_version": 3}
circles = next(chart for chart in detective.start().charts_ if chart.trick == "area-distortion")
for place, value in zip(circles.x, circles.y):
    print(f"{place}: {value:g} million litres of cooling water")

# %% nbgrader={"grade": false, "grade_id": "ex2-answer", "locked": false, "solution": true, "schema_version": 3}
area_ratio = ...  # your answer: a number, such as 2.5
### BEGIN SOLUTION
area_ratio = (max(circles.y) / min(circles.y)) ** 2
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex2-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
# Visible check: area_ratio is a number from 1 to 100. Its value is checked at grading.
checks.number_between(area_ratio, "area_ratio", 1, 100)
### BEGIN HIDDEN TESTS
_circles = next(c for c in ChartDetective().start().charts_ if c.trick == "area-distortion")
_values = max(_circles.y) / min(_circles.y)
if isinstance(area_ratio, int | float) and abs(area_ratio - _values) < 0.02:
    _result = Score(
        0,
        1,
        [
            "✘ That is how many times the biggest value is the smallest one. Look again at what the radius does to the area: the area grows with the radius times itself."
        ],
    ).report()
else:
    _result = checks.close_to(
        area_ratio,
        _values**2,
        points=1,
        tol=0.02,
        hint="Look again at the circle's area: divide the biggest value by the smallest, then think about what happens to the area when the radius grows that many times.",
    )
_result
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "claim-text", "schema_version": 3}
# ## Part 2 · "Sales tripled!": check the claim
#
# The school café sells reusable cups. Its manager asked the assistant for a chart of this
# year's sales for the newsletter, and the assistant wrote the code below. Run it and look at
# the chart before you read on. Your café's numbers are your own: your neighbour's differ.
#
# A note on the code: `months[6:]` means "from item number 6 to the end". Python counts items
# from 0, so item 6 is the seventh month, July.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "claim-chart", "schema_version": 3}
import matplotlib.pyplot as plt

claim = detective.start().claim_
months, sales = claim.months, claim.sales
cups = dict(zip(months, sales))  # cups sold by month: cups["Jul"] is July's

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.bar(months[6:], sales[6:])
ax.set_ylim(claim.axis_start, 1.05 * max(sales))
ax.set_title("Cup sales tripled since July!")
plt.show()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "claim-data", "schema_version": 3}
# December's bar does stand about three times as tall as July's. But a chart's claim is only as
# good as the numbers under it. Here are all twelve months the café sold cups this year:

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "claim-table", "schema_version": 3}
for month, sold in cups.items():
    print(f"{month}: {sold} cups")
print("The assistant's y axis starts at", claim.axis_start, "cups.")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex3-text", "schema_version": 3}
# ### Exercise 3 · The real ratio and the drawn one (2 points)
#
# A **ratio** says how many times one number is another: 30 is 3 times 10, so the ratio of 30 to
# 10 is 3. "Tripled" means a ratio of 3.
#
# 1. `real_ratio`: December's sales divided by July's sales. It says how many times as many
#    cups the café sold in December as in July.
# 2. `drawn_ratio`: the height of December's bar divided by the height of July's bar, as the
#    assistant drew them. A bar is drawn from the bottom of the axis, so its drawn height is its
#    value minus where the axis starts.
#
# You may type the numbers in, or use `cups` and `claim.axis_start`: `cups["Jul"]` is the number
# of cups sold in July.

# %% nbgrader={"grade": false, "grade_id": "ex3-answer", "locked": false, "solution": true, "schema_version": 3}
real_ratio = ...  # your answer: December's sales over July's, a number
drawn_ratio = ...  # your answer: December's drawn bar height over July's, a number
### BEGIN SOLUTION
real_ratio = cups["Dec"] / cups["Jul"]
drawn_ratio = (cups["Dec"] - claim.axis_start) / (cups["Jul"] - claim.axis_start)
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex3-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible checks: both answers are numbers from 0 to 10. Their values are checked at grading.
checks.number_between(real_ratio, "real_ratio", 0, 10)
checks.number_between(drawn_ratio, "drawn_ratio", 0, 10)
### BEGIN HIDDEN TESTS
_claim = ChartDetective().start().claim_
_july, _december = _claim.sales[_claim.first], _claim.sales[-1]
_start = _claim.axis_start
_real = _december / _july
_drawn = (_december - _start) / (_july - _start)
def _near(value, target):
    return isinstance(value, int | float) and abs(value - target) < 0.01


if _near(real_ratio, _drawn):
    _first = Score(
        0,
        1,
        [
            "✘ real_ratio: look again at what the claim is about: the cups sold in each month, counted from 0, not how tall the assistant drew the bars."
        ],
    ).report()
elif _near(real_ratio, _real - 1):
    _first = Score(
        0.5,
        1,
        [
            "✘ real_ratio: you worked out how much sales grew, as a share of July's sales. Tripled compares December's sales with July's directly: how many Julys make a December?"
        ],
    ).report()
else:
    _first = checks.close_to(
        real_ratio,
        _real,
        points=1,
        tol=0.01,
        hint="real_ratio: look again at which two months you compare, and divide December's sales by July's.",
    )
_second = checks.close_to(
    drawn_ratio,
    _drawn,
    points=1,
    tol=0.01,
    hint="drawn_ratio: look again at where the bars start. A bar's drawn height is measured from the bottom of the y axis, not from 0.",
)
Score(_first.points + _second.points, 2)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex4-text", "schema_version": 3}
# ### Exercise 4 · Measure the exaggeration (2 points)
#
# Edward Tufte, a statistician who writes about charts, measures how much a chart exaggerates
# with its **lie factor**: the size of the change the chart *shows*, divided by the size of the
# change in the *data* [4]. A change is measured as a share of where it started:
#
# - change in the data = (last value − first value) ÷ first value;
# - change shown = (last bar's drawn height − first bar's drawn height) ÷ first bar's drawn
#   height, where a drawn height is the value minus where the axis starts.
#
# For example, from 40 to 50 on an axis that starts at 30: the data change by 10 ÷ 40 = 0.25, the
# bars grow from 10 to 20, by 10 ÷ 10 = 1, so the lie factor is 1 ÷ 0.25 = 4. A lie factor of 1
# is honest; Tufte counts anything above 1.05 or below 0.95 as a real distortion [4].
#
# Write `lie_factor(first, last, axis_start)`. Return `None` when the lie factor is undefined:
# when the data do not change at all (there is nothing to divide by), or when the first bar has
# no height on the chart (its value is at or below the axis start).


# %% nbgrader={"grade": false, "grade_id": "ex4-answer", "locked": false, "solution": true, "schema_version": 3}
def lie_factor(first, last, axis_start):
    """How many times the change a bar chart shows is the change in its data (None if undefined)."""
    ### BEGIN SOLUTION
    if last == first or first <= axis_start:
        return None
    shown = ((last - axis_start) - (first - axis_start)) / (first - axis_start)
    real = (last - first) / first
    return shown / real
    ### END SOLUTION
    return ...  # replace ... with your answer


# %% nbgrader={"grade": true, "grade_id": "ex4-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
_cases = [
    checks.Case(
        (50, 100, 0),
        1.0,
        what="an axis that starts at 0",
        hint="With the axis at 0, the bars grow exactly as the data do.",
    ),
    checks.Case(
        (80, 90, 70),
        8.0,
        what="80 to 90 on an axis from 70",
        hint="Work out the two changes separately, each as a share of where it started,"
        " then divide.",
    ),
]
### BEGIN HIDDEN TESTS
_claim = ChartDetective().start().claim_
_july, _december = _claim.sales[_claim.first], _claim.sales[-1]
_start = _claim.axis_start
_cases += [
    checks.Case(
        (_july, _december, _start),
        ((_december - _july) / (_july - _start)) / ((_december - _july) / _july),
        hint="Look again at your café's chart: from July to December, on the assistant's axis.",
        hidden=True,
    ),
    checks.Case(
        (60, 30, 20),
        1.5,
        hint="Look again at a chart where the values fall: both changes are then below 0, and the lie factor is still their ratio.",
        hidden=True,
    ),
    checks.Case(
        (100, 100, 50),
        None,
        hint="What should the lie factor be when the data do not change at all?",
        hidden=True,
    ),
    checks.Case(
        (30, 40, 30),
        None,
        hint="What should the lie factor be when the first bar has no height on the chart?",
        hidden=True,
    ),
]
### END HIDDEN TESTS
checks.score_function(lie_factor, _cases, points=2)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex5-text", "schema_version": 3}
# ### Exercise 5 · What do the numbers say? (2 points)
#
# Use your answers and the café's twelve months. Choose **every** statement that is true, as a
# string of letters such as `"a, c"`. Each right letter counts for you, each wrong one against
# you.
#
# - **a.** The café sold about three times as many cups in December as in July.
# - **b.** The assistant drew December's bar about three times as tall as July's.
# - **c.** July was the café's lowest month of the year, so a chart that starts in July makes
#   the rise look as big as it can.
# - **d.** Chart B at the top (the garden's temperature) misleads, because its y axis does not
#   start at 0.
# - **e.** Over the whole year, the café's December sales were within a tenth of its January
#   sales.

# %% nbgrader={"grade": false, "grade_id": "ex5-answer", "locked": false, "solution": true, "schema_version": 3}
true_statements = ...  # your answer: letters, such as "a, c"
### BEGIN SOLUTION
true_statements = "b, c, e"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex5-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible check: the answer is made of the letters a to e. It is checked at grading.
checks.letters(true_statements, "true_statements")
### BEGIN HIDDEN TESTS
checks.choice(
    true_statements,
    {"b", "c", "e"},
    points=2,
    hints={
        "a": "Look again at your real_ratio: how many times July's sales are December's?",
        "b": "Look again at your drawn_ratio: how tall the assistant drew the two bars.",
        "c": "Look again at the twelve months: which month sold the fewest cups, and where does the assistant's chart begin?",
        "d": "Look again at what the reveal after the detective said about line charts.",
        "e": "Look again at the twelve months: compare December with January.",
    },
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex6-text", "schema_version": 3}
# ## Part 3 · Draw it honestly
#
# The assistant's chart used two tricks at once: a truncated y axis and a *cherry-picked* time
# window (it showed only the months that suit the story). Its axes are not labelled either, so a
# reader cannot tell what it counts.
#
# ### Exercise 6 · Redraw the café's chart (3 points)
#
# In the cell below, draw an honest bar chart of the café's sales with matplotlib. You may start
# from the assistant's code above and fix it. Your chart should:
#
# 1. start its bars, and its y axis, at 0 (`ax.set_ylim(0, ...)` sets where the y axis starts
#    and ends; without it, matplotlib starts bars at 0 by itself);
# 2. show all twelve months, each bar as long as that month's sales;
# 3. label both axes: `ax.set_xlabel("...")` and `ax.set_ylabel("...")`, the y label saying
#    what is counted.
#
# Give it an honest title too. The check reads your figure, `fig`, not your code: one point for
# each of the three.

# %% nbgrader={"grade": false, "grade_id": "ex6-answer", "locked": false, "solution": true, "schema_version": 3}
fig, ax = plt.subplots(figsize=(6, 3.5))
# your code: draw the bars, set the y axis, label both axes, and give the chart a title
### BEGIN SOLUTION
ax.bar(months, sales)
ax.set_ylim(0, 1.1 * max(sales))
ax.set_xlabel("Month")
ax.set_ylabel("Reusable cups sold")
ax.set_title("Cup sales this year: back to January's level after a summer dip")
### END SOLUTION
plt.show()

# %% nbgrader={"grade": true, "grade_id": "ex6-test", "locked": true, "points": 3, "solution": false, "schema_version": 3}
from matplotlib.figure import Figure

from thinktwice.widgets import chart_checks

# Visible checks, read from your figure: bars and y axis from 0; all twelve months, each bar as
# long as its sales; both axes labelled. One point each.
_summary = chart_checks.extract(fig) if isinstance(fig, Figure) else {"axes": []}
_sales = ChartDetective().start().claim_.sales
_points, _lines = 0, []
for _good, _problems in (
    ("The bars and the y axis start at 0.", chart_checks.check_bars_from_zero(_summary)),
    (
        "Every month is shown, each bar as long as its sales.",
        chart_checks.check_every_value(_summary, _sales),
    ),
    ("Both axes say what they show.", chart_checks.check_axis_labels(_summary)),
):
    _points += not _problems
    _lines += [f"✔ {_good}"] if not _problems else [f"✘ {p}" for p in _problems]
Score(_points, 3, list(dict.fromkeys(_lines))).report()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "after-text", "schema_version": 3}
# Put your chart beside the assistant's. The same true numbers now tell a plainer story: sales
# fell in the summer and came back to about where they were in January. Neither chart contains a
# false number. The assistant's chart misleads through what it leaves out and where it starts
# its scale, and that is why a chart's claim is worth checking against its data [1][2].

# %% [markdown] nbgrader={"grade": false, "solution": false, "task": true, "points": 0, "locked": true, "grade_id": "ex7-text", "schema_version": 3}
# ### Exercise 7 · Reply to the café's manager (3 points, read by your teacher)
#
# The café's manager wants to print the assistant's chart with the headline "Cup sales tripled
# since July!". Write a reply of four to six sentences that the manager could follow. Use your
# own numbers from this notebook. Your reply should:
#
# 1. name the two tricks in the assistant's chart and say how each one misleads;
# 2. give the real change from July to December, with your numbers, and what the whole year
#    shows;
# 3. say what an honest chart of the sales does differently, and why a line chart of the same
#    numbers could start its y axis above 0 but a bar chart cannot.
#
# Your teacher reads this answer; it is not checked by the computer.
#
# ### BEGIN MARK SCHEME
# **Rubric (3 points, 1 per part).**
# 1. Names both tricks: the truncated y axis (it starts far above 0, so December's bar looks
#    about three times as tall as July's) and the cherry-picked window (it starts in July, the
#    lowest month, and leaves out January to June). One trick named and explained, or both named
#    without saying how they mislead, earns half.
# 2. Gives the real ratio from the learner's own data (about 1.2 to 1.5 times, not 3; or the
#    growth as a percentage) and says that over the whole year December is back at about
#    January's level. The real figure without the whole-year picture, or the reverse, earns half.
# 3. Says the honest chart starts its bars at 0, shows all twelve months and labels its axes,
#    and explains the difference: a bar's length stands for its value so it must start at 0,
#    while a line chart is read by position and slope, so its axis may start where it shows
#    the changes clearly. The fixes without the bar/line reason, or the reason without the
#    fixes, earns half.
# Accept any accurate wording; spelling and grammar are not marked.
# ### END MARK SCHEME

# %% [markdown] nbgrader={"grade": true, "grade_id": "ex7-reply", "locked": false, "points": 3, "solution": true, "schema_version": 3}
# ### BEGIN SOLUTION
# The chart makes sales look as if they tripled, but they did not. Its y axis starts at 300 cups
# instead of 0, so December's bar is drawn about three times as tall as July's, and it begins
# in July, our worst month, leaving out January to June. In fact we sold 464 cups in December
# against 352 in July, about 1.3 times as many, and December is back at January's level of 462.
# An honest chart starts the bars at 0, shows all twelve months and labels what it counts. A bar
# must start at 0 because its length stands for the number; a line chart is read by where the
# line goes, so it could start higher, but it should still show the whole year.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "references", "schema_version": 3}
# ## References
#
# 1. Bergstrom, C. T., & West, J. D. (2020). *Calling Bullshit: The Art of Skepticism in a
#    Data-Driven World*. New York: Random House. Chapter 7, "Data Visualization". (A bar
#    chart's value axis should include zero, because a bar's length encodes its value; the
#    principle of proportional ink; misleading axes.)
# 2. Bergstrom, C. T., & West, J. D. *Misleading axes on graphs*. Calling Bullshit course
#    tools, callingbullshit.org/tools/tools_misleading_axes.html. (Bar chart axes should
#    include zero; line graphs need not include zero, and forcing zero in can hide a real
#    change; a second y axis on one graph can be scaled to suggest a relationship.)
# 3. Bergstrom, C. T., & West, J. D. *The principle of proportional ink*. Calling Bullshit
#    course tools, callingbullshit.org/tools/tools_proportional_ink.html. (When a shaded region
#    stands for a number, its area should be in proportion to that number; circles and bubbles
#    sized by radius break it.)
# 4. Tufte, E. R. (2001). *The Visual Display of Quantitative Information* (2nd ed.). Cheshire,
#    CT: Graphics Press. (The lie factor: the size of an effect shown in a graphic divided by its
#    size in the data; values above 1.05 or below 0.95 show substantial distortion.)
