class ArticleError(Exception):
    """A problem with an article, located by file and line, that stops the import."""

    def __init__(self, path, line, problem):
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {problem}")


class LineProblem(Exception):
    """A problem at one line of an article, raised while reading it; `parse_article` adds the
    file's path once, turning it into an ArticleError."""

    def __init__(self, line, problem):
        self.line = line
        self.problem = problem
        super().__init__(problem)
