"""The similarity matrix: pairwise related-coverage scores of chosen articles as a heat map."""
