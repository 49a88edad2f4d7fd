package io.lakefan.event;

/** The function was invoked with an event it does not understand; the message names the accepted shapes. */
public class EventException extends RuntimeException {
    public EventException(String message) {
        super(message + "\nAccepted events:\n"
                + "  an EventBridge \"Scheduled Event\"                       -> dispatch every table\n"
                + "  {\"action\":\"dispatch\", \"tables\":[\"orders\", ...]}        -> dispatch some tables\n"
                + "  {\"action\":\"extract\", \"table\":\"orders\"}                 -> ad-hoc extract of one table\n"
                + "  {\"action\":\"extract\", \"runId\":\"...\", \"table\":\"orders\"} -> extract within a run\n"
                + "  {\"action\":\"finalize\", \"runId\":\"...\"}                   -> finalize a run");
    }
}
