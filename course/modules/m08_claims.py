# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "intro", "schema_version": 3}
# # Module 8 · Checking what an AI tells you
#
# *About 45 minutes.*
#
# An AI's answer can sound fluent and sure, carry neat citations in square brackets, and still
# say things no source says. In this module you check answers the way professional
# fact-checkers do, and you take apart a real (small) language model to see *how* it makes
# things up.
#
# **By the end of this module you can**
# 1. name three manipulation techniques (emotional language, a false choice between two options,
#    attacking the person) and spot them before they work on you;
# 2. reconcile two reports that disagree, using their dates and the wording of the original
#    document;
# 3. split an AI's answer into claims and label each one supported, contradicted or
#    unverifiable against sources, and tell a real citation from a fabricated one;
# 4. explain, with a language model you probed yourself, how a text generator stitches fluent
#    sentences that no source says, and how its settings change how often it does;
# 5. read laterally: check who is behind a source by leaving it and seeing what others say.
#
# **What you will do:** name the trick in three posts; reconcile two news reports on Japan's AI
# Basic Plan; label an AI's claims in the claim checker; predict, then measure, how often a text
# generator fabricates; write one small function; choose the steps of lateral reading; and write
# a reply to a friend, which your teacher reads.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "prebunk-text", "schema_version": 3}
# ## Part 1 · Know the tricks before you meet them
#
# **Misinformation** is false or misleading information. Some of it is spread on purpose, and
# then it often uses **manipulation techniques**: ways of writing that push you to believe or
# share something without good reasons. Researchers found that learning to recognise a technique
# *before* you meet it helps you resist it. This is called **prebunking**, or inoculation, like a
# vaccine for the mind. In one set of studies, short videos that each explained one technique
# made people better at spotting that technique in new posts, also when the videos were shown
# as adverts on YouTube [1]. Here are three of the techniques those videos covered [1]:
#
# - **Emotional language**: words chosen to make you scared, angry or outraged ("SHOCKING",
#   "DESTROY", many exclamation marks), so that you react before you think.
# - **False dichotomy** (a false choice): only two options are offered, as if nothing else
#   were possible, when in fact there are more.
# - **Attacking the person** (in Latin, *ad hominem*): instead of answering an argument, the
#   writer attacks the person who made it.
#
# One more, which the same videos covered too [1]: **scapegoating**, blaming one group of people
# for a big, complicated problem.
#
# ### Exercise 1 · Name the trick (3 points, 1 per post)
#
# These posts are invented for this course. For each one, choose the technique it uses most:
#
# - **a.** emotional language
# - **b.** false dichotomy
# - **c.** attacking the person
# - **d.** scapegoating
#
# *Post 1:* "SHOCKING!!! The government's AI plan will DESTROY every job in the country. Share
# this before they delete it!!!"
#
# *Post 2:* "Either we ban AI from every school today, or our children will never learn to think
# again."
#
# *Post 3:* "Why listen to the professor who supports the plan? She cannot even keep her own
# website up to date."

# %% nbgrader={"grade": false, "grade_id": "ex1-answer", "locked": false, "solution": true, "schema_version": 3}
post_1 = ...  # your answer: one letter as text, such as "a"
post_2 = ...  # your answer: one letter as text
post_3 = ...  # your answer: one letter as text
### BEGIN SOLUTION
post_1 = "a"
post_2 = "b"
post_3 = "c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex1-test", "locked": true, "points": 3, "solution": false, "schema_version": 3}
from thinktwice.autograder import Score, checks

# Visible checks: each answer is one of the letters a to d. Which letters are right is checked
# at grading.
checks.letters(post_1, "post_1", "abcd")
checks.letters(post_2, "post_2", "abcd")
checks.letters(post_3, "post_3", "abcd")
### BEGIN HIDDEN TESTS
_parts = [
    checks.choice(
        post_1,
        "a",
        points=1,
        hints={
            "b": "Post 1: look again at its words in capitals and its exclamation marks. Does it offer two options?",
            "c": "Post 1: look again: is any person attacked, or is the reader being frightened?",
            "d": "Post 1: look again: is a group of people blamed, or is the reader being frightened?",
        },
    ),
    checks.choice(
        post_2,
        "b",
        points=1,
        hints={
            "a": "Post 2: look again at how many options it leaves you, and whether there could be more.",
            "c": "Post 2: look again: it attacks nobody; count the options it offers.",
            "d": "Post 2: look again: it blames nobody; count the options it offers.",
        },
    ),
    checks.choice(
        post_3,
        "c",
        points=1,
        hints={
            "a": "Post 3: look again at what it answers: the professor's argument, or the professor?",
            "b": "Post 3: look again: it offers no choice; what does it say about the professor?",
            "d": "Post 3: look again: it blames one person, not a group, and avoids her argument.",
        },
    ),
]
Score(sum(part.points for part in _parts), 3)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "case-text", "schema_version": 3}
# ## Part 2 · Two reports that disagree: a real case
#
# Japan's **AI Basic Plan** was approved by the Cabinet (the Prime Minister and the ministers) in
# December 2025. It is a *plan* made under a law, the AI Promotion Act, which was enacted in May
# 2025 [2]. Among other things, it concerns the **AI Safety Institute (AISI)**, the body in
# Japan that evaluates how safe AI systems are [2].
#
# News reports on the plan disagreed on facts [3]. Below are two short reports and a machine
# translation, written for this course: they carry the facts and the disagreements of the real
# reports, in our own words.
#
# > **Report A**, published when the Cabinet approved the plan (December 2025).
# >
# > Japan's Cabinet has approved the AI Basic Plan. Under the plan, the AI Safety Institute,
# > which evaluates the safety of AI, is to grow from about 30 staff to about 200, close to the
# > size of the United Kingdom's institute.
#
# > **Report B**, published about two weeks earlier, on a draft of the plan.
# >
# > According to a draft seen by the reporter, the government's new AI "law" will expand the
# > AI Safety Institute's staff "immediately" to about 30 people, roughly double the number
# > working there today.
#
# > **A machine translation of Report A's opening.**
# >
# > The Cabinet approved the basic plan. The company will increase from about 30 people to about
# > 200 people, the same as the United Kingdom.
#
# They cannot all be right as they stand. Before you decide who is wrong, look at **when** each
# was written and **what** each describes: a draft can change before it is approved, and a
# report's words ("law", "the company") are not the plan's own words. The plan's own wording and
# the dates settle it [2].
#
# ### Exercise 2 · Reconcile the reports (3 points, 1 each)
#
# - `approved_target`: about how many staff does the plan **as approved** aim for at the AI Safety
#   Institute? A number.
# - `newer_report`: which report describes the later version of the plan, `"A"` or `"B"`?
# - `plan_is_a_law`: is the AI Basic Plan itself a law? `True` or `False`.

# %% nbgrader={"grade": false, "grade_id": "ex2-answer", "locked": false, "solution": true, "schema_version": 3}
approved_target = ...  # your answer: a number of staff
newer_report = ...  # your answer: "A" or "B"
plan_is_a_law = ...  # your answer: True or False
### BEGIN SOLUTION
approved_target = 200
newer_report = "A"
plan_is_a_law = False
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex2-test", "locked": true, "points": 3, "solution": false, "schema_version": 3}
# Visible checks: the form of each answer (a number of staff; "A" or "B"; True or False). The
# answers themselves are checked at grading.
checks.number_between(approved_target, "approved_target", 0, 10000)
print(
    "✔ newer_report is A or B."
    if newer_report in ("A", "B")
    else '✘ newer_report should be "A" or "B", in quotes.'
)
print(
    "✔ plan_is_a_law is True or False."
    if isinstance(plan_is_a_law, bool)
    else "✘ plan_is_a_law should be True or False, without quotes."
)
### BEGIN HIDDEN TESTS
_parts = [
    checks.close_to(
        approved_target,
        200,
        points=1,
        tol=0.01,
        hint="approved_target: look again at which report describes the plan as the Cabinet approved it, and what size it gives.",
    ),
    checks.matches_digest(
        newer_report,
        checks.digest("A"),
        points=1,
        hint="newer_report: look again at the dates: which report came out about two weeks before the other, on a draft?",
    ),
    checks.matches_digest(
        plan_is_a_law,
        checks.digest(False),
        points=1,
        hint="plan_is_a_law: look again at Part 2's first paragraph: what was enacted in May 2025, and what was approved in December?",
    ),
]
Score(sum(part.points for part in _parts), 3)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex3-text", "schema_version": 3}
# ### Exercise 3 · "The company" (1 point)
#
# The machine translation says "the company will increase from about 30 people to about 200".
# What is the best reading?
#
# - **a.** The plan hands AI safety to a private company with about 200 staff.
# - **b.** The translation got a word wrong: it means the AI Safety Institute, as Report A says.
# - **c.** Report A is wrong, because the translation is word for word.
# - **d.** Nobody can tell what it means, so the whole report should be ignored.
#
# Answer with one letter.

# %% nbgrader={"grade": false, "grade_id": "ex3-answer", "locked": false, "solution": true, "schema_version": 3}
company_reading = ...  # your answer: one letter as text, such as "a"
### BEGIN SOLUTION
company_reading = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex3-test", "locked": true, "points": 1, "solution": false, "schema_version": 3}
# The answer is compared by its digest, so this cell does not show it.
checks.matches_digest(
    company_reading,
    "96c4c02dbbd3c175",
    points=1,
    hint="Look again at what the translation is a translation of, and what that text calls the body that grows to about 200 staff.",
)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "checker-text", "schema_version": 3}
# ## Part 3 · Check an AI's answer, claim by claim
#
# An AI's answer usually mixes several **claims** (single statements that are true or false)
# with **citations** (the sources it names for them). To check it, split it into claims and check
# each one against sources you can open yourself. Fact-checkers do not stay on one page: they
# **read laterally**, across several sources, and compare [4]. A claim is
#
# - **supported** when a source says it;
# - **contradicted** when a source says something else;
# - **unverifiable** when no source says it either way.
#
# A citation is **real** when it names one of the sources, and **fabricated** when it names a
# report or page that does not exist there. Researchers have found chatbots inventing references
# that look real [5].
#
# Run the next cell. Its claims are about the AI Basic Plan: the sources are the reports above,
# the machine translation and a course fact sheet. Label every claim and citation, then submit.
# Your first label of each counts.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "checker", "schema_version": 3}
from thinktwice.widgets import ClaimChecker

ClaimChecker(claim_set="ai-basic-plan").view()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex4-text", "schema_version": 3}
# ### Exercise 4 · Your labels in the claim checker (3 points)
#
# The check reads your saved labels: the points are shared over the claims and citations, one
# share for each that you labelled as the sources show.

# %% nbgrader={"grade": true, "grade_id": "ex4-checker", "locked": true, "points": 3, "solution": false, "schema_version": 3}
checks.activity_score(ClaimChecker(claim_set="ai-basic-plan"), points=3)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "generator-text", "schema_version": 3}
# ## Part 4 · Inside a text generator that fabricates
#
# Where do fabricated claims and citations come from? A chatbot is a **language model**: a
# program that writes text by predicting, again and again, a likely next word. A big one learned
# from a huge amount of text; the one below learned from just 26 sentences about Fennmoor, a town
# invented for this course, so that we know exactly what is true there.
#
# It is an **n-gram model**, one of the oldest kinds of language model [6]. It counted which
# word came after each run of words in its training sentences. To write, it looks at its last
# n − 1 words (its **context**) and picks a next word among those that followed the same words
# in training. Two settings change what it writes:
#
# - the **context length** n: with n = 2 it looks back only one word; with n = 6, five words;
# - the **temperature**: low (0.2) means it nearly always takes the likeliest next word;
#   high (2.0) gives unlikely words a much bigger chance. Big neural language models are
#   sampled with a temperature too [7].
#
# ### Exercise 5 · Predict first (not graded)
#
# Which context length do you think makes the model fabricate most: 2, 4 or 6? Write it down
# before you run the activity.

# %% nbgrader={"grade": false, "grade_id": "ex5-prediction", "locked": false, "solution": true, "schema_version": 3}
predicted_n = ...  # your prediction: 2, 4 or 6
### BEGIN SOLUTION
predicted_n = 2
### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "generator-run-text", "schema_version": 3}
# Run the next cell. First, label the four sentences of the model's answer against its sources
# (its whole training text), and submit: then you see, for each sentence, which training
# sentences it was stitched from. Then turn the dials: press **Write one sentence** to see
# what it writes at a setting, and **Measure** at each context length, n = 2, 4 and 6, to draw
# its curve. Last, answer the two questions under the chart.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "generator", "schema_version": 3}
from thinktwice.widgets import TextGenerator

generator = TextGenerator()
generator.view()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ex6-text", "schema_version": 3}
# ### Exercise 6 · Your work in the text generator (4 points)
#
# The check reads your saved work: the points are shared over the four claims, the four
# citations and the two questions under the chart, one share for each right answer.

# %% nbgrader={"grade": true, "grade_id": "ex6-generator", "locked": true, "points": 4, "solution": false, "schema_version": 3}
checks.activity_score(TextGenerator(), points=4)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "compare-text", "schema_version": 3}
# Compare your prediction with what you measured:

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "compare", "schema_version": 3}
_curves = TextGenerator().start().curves_
if len(_curves) == 3:
    _most = max(_curves, key=lambda n: sum(_curves[n]))
    _guess = "nothing yet" if predicted_n is ... else f"n = {predicted_n}"
    print(f"You predicted {_guess}; in your measurements n = {_most} fabricated most.")
else:
    print("Measure the model at n = 2, 4 and 6 in the activity above, then run this cell again.")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "why-text", "schema_version": 3}
# The model never *decides* to lie. It has no idea what is true; it only knows which words
# followed which. Where two training sentences share words ("opened in", "is run by", "Fennmoor
# Gazette,"), it can leave one sentence and carry on in another. The new sentence is just as
# fluent, and it ends with a citation, because every training sentence did. That is how a
# sure-sounding answer gets a year from one place, a name from another, or a citation whose
# name comes from one document and whose date from another. Look at your chart: a short
# context and a high temperature make these jumps more likely, but even the longest context
# did not stop them.
#
# ### Exercise 7 · Count fabrications (2 points)
#
# Write `fabricated_share(sentences)`. Each sentence is a pair `(claim, citation)`: `claim` is
# `"supported"`, `"contradicted"` or `"unverifiable"`, and `citation` is `"real"` or
# `"fabricated"`. A sentence counts as fabricated when its claim is not supported **or** its
# citation is fabricated. Return the share of fabricated sentences, from 0 to 1; for an empty
# list, return `None` (a share of nothing is undefined).

# %% nbgrader={"grade": false, "grade_id": "ex7-function", "locked": false, "solution": true, "schema_version": 3}
def fabricated_share(sentences):
    """The share of sentences whose claim is not supported or whose citation is fabricated."""
    ### BEGIN SOLUTION
    if not sentences:
        return None
    bad = [c for c, k in sentences if c != "supported" or k == "fabricated"]
    return len(bad) / len(sentences)
    ### END SOLUTION
    return ...  # replace ... with your answer


# %% nbgrader={"grade": true, "grade_id": "ex7-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Two visible checks (their inputs and answers are shown); hidden checks run at grading.
_cases = [
    checks.Case(([("supported", "real")],), 0.0, what="one sentence, backed and really cited"),
    checks.Case(
        ([("supported", "real"), ("contradicted", "real")],),
        0.5,
        what="one of two sentences has a contradicted claim",
    ),
]
### BEGIN HIDDEN TESTS
_cases += [
    checks.Case(
        ([("supported", "fabricated"), ("supported", "real"), ("supported", "real")],),
        1 / 3,
        hint="Look again at a supported claim with a fabricated citation: the sentence still counts as fabricated.",
        hidden=True,
    ),
    checks.Case(
        ([("unverifiable", "real"), ("contradicted", "fabricated")],),
        1.0,
        hint="Look again at a sentence that is wrong in both ways: it counts once, not twice.",
        hidden=True,
    ),
    checks.Case(
        ([],),
        None,
        hint="Look again at the empty list: a share of no sentences is undefined, so return None, not 0.",
        hidden=True,
    ),
]
### END HIDDEN TESTS
checks.score_function(fabricated_share, _cases, points=2)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "lateral-text", "schema_version": 3}
# ## Part 5 · Read laterally
#
# Researchers at Stanford watched historians, students and professional fact-checkers judge
# websites. The fact-checkers did best. They did not read a site from top to bottom first;
# they soon **left it**, opened new tabs, and searched for what other sources said about the
# organisation behind it. The researchers called this **lateral reading**; staying on the page
# and judging it by its own look and its own "About us" is *vertical* reading [4]. The Stanford
# group's free Civic Online Reasoning lessons teach it to school students [8].
#
# ### Exercise 8 · Which steps are lateral reading? (2 points)
#
# A site you have never heard of says the AI Safety Institute will have 1,000 staff. Choose
# **every** step that is lateral reading. A wrong pick takes away as much as a right pick gives.
#
# - **a.** Open a new tab and search for who runs the site and what others say about it.
# - **b.** Read the site's own "About us" page carefully.
# - **c.** Search for the figure in other reports, and compare their dates with this one.
# - **d.** Judge the site by how professional its design looks.
# - **e.** Find the document the site cites (here, the plan itself) and read what it says.

# %% nbgrader={"grade": false, "grade_id": "ex8-choice", "locked": false, "solution": true, "schema_version": 3}
lateral_steps = ...  # your answer: letters as text, such as "a, e"
### BEGIN SOLUTION
lateral_steps = "a, c, e"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex8-test", "locked": true, "points": 2, "solution": false, "schema_version": 3}
# Visible check: the answer is text made of letters from a to e. Which letters are right is
# checked at grading.
checks.letters(lateral_steps, "lateral_steps")
### BEGIN HIDDEN TESTS
checks.choice(
    lateral_steps,
    {"a", "c", "e"},
    points=2,
    hints={
        "a": "Look again at what the fact-checkers did first: where did they go to learn who is behind a site?",
        "b": "Look again: a site's own 'About us' is still the site talking about itself. Is that leaving it?",
        "c": "Look again at how the two reports in Part 2 were reconciled: across sources, with their dates.",
        "d": "Look again: anyone can make a site look professional. Does its look tell you who is behind it?",
        "e": "Look again at Part 2: what settled the disagreement between the reports?",
    },
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "task": true, "points": 0, "locked": true, "grade_id": "ex9-text", "schema_version": 3}
# ### Exercise 9 · Reply to a friend (3 points, read by your teacher)
#
# A friend forwards Report B with the message: "Look!!! The new AI law doubles the safety
# institute immediately. If you don't share this you don't care about AI safety!"
#
# Write a reply of four to six sentences. In it: name the manipulation technique(s) in your
# friend's message; say what Report B gets wrong or leaves out, using the dates and the plan's
# own wording; and say how you checked, or would check, by reading laterally. There is no single
# right wording; your teacher reads this answer and looks for your reasons.
#
# ### BEGIN MARK SCHEME
# **Rubric (3 points).**
# - 1 point: names at least one technique correctly and points to the words that show it:
#   emotional language ("Look!!!", the pressure to share) and/or a false dichotomy ("if you
#   don't share this you don't care": sharing or not caring are not the only options).
# - 1 point: reconciles the facts: Report B describes the draft, about two weeks before the
#   Cabinet approved the plan in December 2025; the approved plan (Report A) grows the institute
#   from about 30 to about 200 staff; the plan is a plan under the AI Promotion Act (a law of
#   May 2025), not itself a law. Half a point if only one of the two (dates/draft or plan vs
#   law) is there.
# - 1 point: a concrete lateral-reading step: check other reports and their dates, find the plan
#   itself, or look up who is behind a source, rather than trusting the forwarded text. Half a
#   point for a vague "check it online".
# - Spelling and grammar are not graded.
# ### END MARK SCHEME

# %% [markdown] nbgrader={"grade": true, "grade_id": "ex9-reply", "locked": false, "points": 3, "solution": true, "schema_version": 3}
# ### BEGIN SOLUTION
# Your message uses emotional language ("Look!!!") and a false choice: I can care about AI
# safety and still not share something before checking it. Report B was written about two
# weeks before the plan was approved, and it describes a draft: in the draft the staff were to
# grow to about 30. The plan the Cabinet approved in December 2025 grows the AI Safety Institute
# from about 30 to about 200 staff, as Report A says. And it is not a law: it is a plan made
# under the AI Promotion Act, which was enacted in May 2025. I checked by comparing the two
# reports and their dates, and I would look up the plan itself rather than trust one forwarded
# report.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "references", "schema_version": 3}
# ## References
#
# 1. Roozenbeek, J., van der Linden, S., Goldberg, B., Rathje, S., & Lewandowsky, S. (2022).
#    Psychological inoculation improves resilience against misinformation on social media.
#    *Science Advances*, 8(34), eabo6254. (Short videos on emotional language, incoherence,
#    false dichotomies, scapegoating and ad hominem attacks; lab studies and a field study with
#    YouTube adverts.)
# 2. Government of Japan, Cabinet Office. *AI Basic Plan* (Cabinet decision, December 2025),
#    under the *Act on the Promotion of Research, Development and Utilization of AI-Related
#    Technologies* (the AI Promotion Act, May 2025).
# 3. News reports on the AI Basic Plan as approved (December 2025) and on its draft about two
#    weeks earlier. What they reported: the approved plan grows the AI Safety Institute from
#    about 30 to about 200 staff, matching the UK; the report on the draft says "immediately" to
#    about 30, roughly double today's number, and calls the plan a law; a machine translation
#    calls the institute "the company". Reports A and B here are written for this course and
#    copy no sentence of those reports.
# 4. Wineburg, S., & McGrew, S. (2017). *Lateral reading: Reading less and learning more when
#    evaluating digital information*. Stanford History Education Group Working Paper No.
#    2017-A1.
# 5. Walters, W. H., & Wilder, E. I. (2023). Fabrication and errors in the bibliographic
#    citations generated by ChatGPT. *Scientific Reports*, 13, 14045.
# 6. Jurafsky, D., & Martin, J. H. *Speech and Language Processing* (3rd edition draft),
#    chapter 3, "N-gram Language Models".
# 7. Holtzman, A., Buys, J., Du, L., Forbes, M., & Choi, Y. (2020). The curious case of neural
#    text degeneration. *Proceedings of ICLR 2020*. (Sampling with a temperature.)
# 8. Stanford History Education Group. *Civic Online Reasoning* (free lessons on evaluating
#    online information, including lateral reading).
