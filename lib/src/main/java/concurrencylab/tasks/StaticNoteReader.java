package concurrencylab.tasks;

/** Reads {@link StaticNote#text} where it runs. See {@link LabTasks#readStaticNote}. */
record StaticNoteReader() implements PortableCallable<String> {
    @Override
    public String call() {
        return "pid " + ProcessHandle.current().pid() + ": " + StaticNote.text;
    }
}
