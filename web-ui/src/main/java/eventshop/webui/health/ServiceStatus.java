package eventshop.webui.health;

/** What the header's indicator shows for one backend. */
public record ServiceStatus(String name, State state) {

    public enum State { UP, DOWN, UNKNOWN }

    public String cssClass() {
        return "health-" + state.name().toLowerCase();
    }
}
