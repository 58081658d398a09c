#!/usr/bin/env node
// Runs yoastseo's SEO assessor and readability (content) assessor on papers read as JSON from
// stdin: a list of {text, keyword, title, titleWidth, description, slug, permalink, locale}.
// Writes one JSON object per paper, in order: {seo: {score, assessments}, readability: {...}}.
// Dev-only: the comparison tests call it; briefpress itself never needs node.
"use strict";

const { Paper, SeoAssessor, ContentAssessor } = require("yoastseo");
const EnglishResearcher = require("yoastseo/build/languageProcessing/languages/en/Researcher").default;
const { scoreToRating } = require("yoastseo/build/scoring/interpreters");

function stripTags(html) {
  return String(html || "").replace(/<[^>]*>/g, "");
}

function run(assessor, paper) {
  assessor.assess(paper);
  const assessments = assessor.getValidResults().map((r) => ({
    id: r.getIdentifier(),
    score: r.getScore(),
    rating: scoreToRating(r.getScore()),
    message: stripTags(r.getText()),
  }));
  return { score: assessor.calculateOverallScore(), assessments };
}

function analyze(input) {
  const paper = new Paper(input.text || "", {
    keyword: input.keyword || "",
    synonyms: input.synonyms || "",
    title: input.title || "",
    titleWidth: input.titleWidth || 0,
    description: input.description || "",
    slug: input.slug || "",
    permalink: input.permalink || "",
    locale: input.locale || "en_US",
  });
  const researcher = new EnglishResearcher(paper);
  const seo = run(new SeoAssessor(researcher), paper);
  const readability = run(new ContentAssessor(new EnglishResearcher(paper)), paper);
  // Flesch reading ease is an insight in Yoast, outside the readability score (-1: too short).
  readability.insights = { flesch_reading_ease: researcher.getResearch("getFleschReadingScore").score };
  return { seo, readability };
}

function main() {
  const chunks = [];
  process.stdin.on("data", (c) => chunks.push(c));
  process.stdin.on("end", () => {
    const papers = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    const out = papers.map(analyze);
    process.stdout.write(JSON.stringify(out));
  });
}

main();
