"""Account pages, site set-up notices and crawl seed descriptions are not articles; short
news about registrations or web domains still is. Texts written for this test."""

from __future__ import annotations

from newsweave import nonarticle

SIGN_IN_PAGE = """Sign in using your Kestrel Radio profile

Welcome back. Please sign in

Already have an account?

By submitting your registration information, you agree to our terms.

We have sent a confirmation email to your inbox. Please click on the link to activate it.

Thank you for registering!"""

DOMAIN_NOTICE = """Nearly ready...

Your domain mapping may take up to a day to resolve. For more, visit our help center."""

CRAWL_SEED = """The seed for this collection was:

- Slash pages from every domain on the web:

-- up to 50 of the most highly ranked URLs per domain

- Top ranked pages from every inter-domain link"""

VOTER_NEWS = ("Two Marrowby council workers were charged on Tuesday with filing hundreds of false voter "
              "registration forms, prosecutors said. Both deny the charges and will appear in court next month.")
DOMAIN_NEWS = ("A Tessel court ruled on Friday that the Harbour Times may keep its web domain after a two-year "
               "dispute with a betting firm that had registered a near-identical name.")


def test_account_pages_notices_and_crawl_seeds_are_not_articles():
    for page in (SIGN_IN_PAGE, DOMAIN_NOTICE, CRAWL_SEED):
        assert nonarticle.non_article_reason(page) is not None, page[:40]


def test_news_about_registrations_and_domains_is_still_news():
    assert nonarticle.non_article_reason(VOTER_NEWS) is None
    assert nonarticle.non_article_reason(DOMAIN_NEWS) is None
