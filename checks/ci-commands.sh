# The commands the CI workflow (.github/workflows/grade.yml) runs, in one place for the test
# suite: checks/test-all.sh's setup step runs CI_SETUP, checks/test-homework.sh grades the
# starter code with CI_GRADE and replays the workflow's summary step on what it wrote, and
# checks/check_workflow.py fails when the workflow's run steps are not these commands.
# Sourced; both are run from the repository's root.
CI_SETUP="./course setup"
CI_GRADE="./course grade --all-failures --feedback build/feedback"
