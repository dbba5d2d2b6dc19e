"""The text generator's careful run: label each sentence by its truth, measure, then answer."""

from thinktwice.widgets import text_generator


def solve(generator) -> None:
    """Label every claim and citation as the sources say, measure every context, answer both."""
    for sentence in generator.sentences:
        verdict = generator.written(sentence).verdict
        if sentence not in generator.labels_:
            generator.label_claim(sentence, verdict.label)
        if sentence not in generator.verdicts_:
            generator.mark_citation(sentence, verdict.verdict)
    for n in text_generator.CONTEXTS:
        if n not in generator.curves_:
            generator.measure(n)
    for question in text_generator.QUESTIONS:
        if question not in generator.choices_:
            generator.answer(question, generator.right_choice(question))
