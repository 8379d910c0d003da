# nbgrader configuration for the homework of notebook 07.8 on the course's Java kernel.
# This folder is the nbgrader course directory: source/ps7/ holds the assignment with its
# solutions; nbgrader writes release/, submitted/, autograded/, feedback/ and gradebook.db
# beside it (git ignores them). See README.md, "Grading", for the commands.
c = get_config()  # noqa: F821 (nbgrader provides it)

c.CourseDirectory.course_id = "java-concurrency-7"

# Java solution regions: `// BEGIN SOLUTION` ... `// END SOLUTION`, inside a method's body,
# replaced in the students' version by a stub that compiles and fails when it runs.
c.ClearSolutions.begin_solution_delimeter = "// BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "// END SOLUTION"
c.ClearSolutions.code_stub = {"java": 'throw new UnsupportedOperationException("your code here");'}
c.ClearHiddenTests.begin_test_delimeter = "// BEGIN HIDDEN TESTS"
c.ClearHiddenTests.end_test_delimeter = "// END HIDDEN TESTS"

# Every cell is bounded: each test waits at most 90 s for the code it runs (its `within`), so a
# cell still running after 180 s is stuck; nbgrader interrupts it and records an error.
c.Execute.timeout = 180
c.Execute.startup_timeout = 120
c.Execute.interrupt_on_timeout = True
