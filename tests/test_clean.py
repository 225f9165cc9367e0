"""Cleaning on text we wrote: chrome goes to `removed` or metadata, news stays."""

from __future__ import annotations

from newsweave.clean import clean_article, clean_articles, is_breadcrumb, parse_byline
from newsweave.dates import parse_date
from newsweave.model import Article


def cleaned(text, **meta):
    return clean_article(Article(id="a", path="a.txt", text=text, **meta))


def test_header_chrome_and_metadata():
    article = cleaned(
        "News › World › Europe\n"
        "Ferry strike halts crossings to Osterholm\n\n"
        "By Lea Marsh, Tomas Berg and Ida Fors | Published: 12 June 2024\n\n"
        "Dock workers in Osterholm stopped work on Friday, halting all ferry crossings.\n\n"
        "Striking workers gather at the ferry terminal. (Photo: Ida Fors)\n\n"
        "The union said the strike would last two days. – Reuters\n\n"
        "Share this story\n"
        "3 comments\n")
    assert article.title == "Ferry strike halts crossings to Osterholm"
    assert article.authors == ["Lea Marsh", "Tomas Berg", "Ida Fors"]
    assert article.published == "2024-06-12"
    assert article.text == ("Dock workers in Osterholm stopped work on Friday, halting all ferry crossings.\n\n"
                            "The union said the strike would last two days.")
    assert "News › World › Europe" in article.removed and "– Reuters" in article.removed


def test_news_lines_that_look_like_chrome_are_kept():
    text = ("Comments from the minister were not expected until Monday, officials said.\n\n"
            "By the end of the day, 40 ferries had been cancelled.\n\n"
            "Share prices of the ferry company fell 4 percent.\n\n"
            "Photographers were kept away from the terminal by police.\n\n"
            "Related talks between the union and the port will resume on Tuesday.")
    article = cleaned("Port dispute deepens\n\n" + text)
    assert article.text == text
    assert article.removed == []
    assert article.authors == []


def test_hard_wrapped_paragraphs_are_rejoined():
    article = cleaned("Wrapped\n\nThe harbour master said the strike\nwould cost the port a week of trade.\n\nA second paragraph.")
    assert "the strike would cost the port" in article.text


def test_lines_repeated_across_one_outlets_articles_are_boilerplate():
    slogan = "Independent news from the islands since 1921"
    articles = [
        Article(id=str(n), path=f"{n}.txt", source="Island Echo",
                text=f"Headline number {n}\n\nStory {n} reports a different event on day {n}.\n\n{slogan}")
        for n in range(4)
    ]
    other = Article(id="x", path="x.txt", source="Other Paper", text=f"Quoted\n\nA column quoting the line: {slogan}\n\n{slogan}")
    clean_articles(articles + [other])
    for article in articles:
        assert slogan not in article.text and slogan in article.removed
    assert slogan in other.text  # another outlet's single use is not boilerplate


def test_dates_and_absurd_dates():
    assert parse_date("2020/4/17 1:02:58") == "2020-04-17"
    assert parse_date("April 17, 2020") == "2020-04-17"
    assert parse_date("17th April 2020") == "2020-04-17"
    assert parse_date("2020-02-30") is None
    assert parse_date("0001-01-01") is None and parse_date("9999-12-31") is None
    assert parse_date("Thursday night") is None


def test_breadcrumbs_and_bylines():
    assert is_breadcrumb("Home > China News") and is_breadcrumb("Harbour Times > Region")
    assert not is_breadcrumb("Profits rose > 5 percent, the company said.")
    assert parse_byline("By the end of the year, prices had doubled.") is None
    assert parse_byline("By Ana Lind") == (["Ana Lind"], {})


def test_web_chrome_lines_go_and_news_lines_stay():
    from newsweave.clean import is_widget
    chrome = ["share tweet pin email", "___", "Story Continued Below", "Advertisement Continue reading the main story",
              "Text Size -", "Play Facebook", "Please enable Javascript to watch this video",
              "Follow Ana Lind on Twitter: @analind", "ALSO:", "Share on Facebook | Twitter | Email"]
    news = ["Twitter said on Monday it would ban the accounts.", "Reset the clocks, officials urged.",
            "Also on Friday, the mayor resigned.", "Close to 300 people died.",
            "Email records show the minister knew.", "Photos show the damage."]
    assert [line for line in chrome if not is_widget(line)] == []
    assert [line for line in news if is_widget(line)] == []


def test_contributor_credits_link_lines_and_photo_labels_go():
    story = ("Osterholm's harbour board voted on Tuesday to close the old ferry pier.\n\n"
             "More than 300 residents signed a petition against the closure (the board's figure).\n\n"
             "Watch the pier's last crossing on Saturday, the board said.")
    article = cleaned(
        "Harbour board closes old pier\n\n" + story + "\n\n"
        "Harbour board chair Ines Vale (Courtesy photo)\n\n"
        "More: Ferry timetable changes for the summer\n\n"
        "WATCH: The pier at dawn\n\n"
        "Last crossing! A post shared by Ines Vale (@inesvale) on Jun 2, 2024 at 9:14am CEST\n\n"
        "Staff writer Lea Marsh and the Osterholm Courier contributed to this report.")
    assert article.text == story
    assert "Harbour board chair Ines Vale (Courtesy photo)" in article.removed
    assert "Staff writer Lea Marsh and the Osterholm Courier contributed to this report." in article.removed


def test_section_labels_and_worded_date_lines_are_not_titles():
    article = cleaned(
        "World\n\n"
        "Published on May 3, 2015\n\n"
        "Harbour board closes old pier\n\n"
        "Osterholm's harbour board voted on Tuesday to close the old ferry pier.")
    assert article.title == "Harbour board closes old pier"
    assert article.published == "2015-05-03"
    assert "Published on May 3, 2015" in article.removed
    assert article.text.endswith("Osterholm's harbour board voted on Tuesday to close the old ferry pier.")
