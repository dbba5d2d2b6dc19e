"""The chart detective's graded steps: each chart's trick named right, and an honest redraw."""


def solve(detective) -> None:
    """Name every chart's planted trick, then submit the redraw that undoes it."""
    for index, chart in enumerate(detective.charts_):
        if index not in detective.named_:
            detective.name_trick(index, chart.trick)
        if index not in detective.passed_:
            figure = detective.redraw_figure(index, **detective.honest_settings(index))
            detective.submit_redraw(index, figure)
