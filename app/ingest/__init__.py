"""Reading an article's text into facts: structure, actors, figures and claims."""
