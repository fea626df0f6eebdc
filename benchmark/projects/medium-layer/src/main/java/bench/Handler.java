package bench;

/** The function code of the benchmark project; only the packaging is measured. */
public class Handler {
    public String handleRequest(String input) {
        return "hello " + input;
    }
}
