"""The domain's words and pure rules: vocabulary, ratings, the three-way prose merge. No models, no
database."""
