// The app with mocked IPC (fixtures from real engine output): for the accessibility run and
// screenshots in a plain browser. Not part of the production build.
import { installMockIpc } from "./api/mock";

const store = new URLSearchParams(location.search).get("store");
installMockIpc(store === "empty" || store === "damaged" ? store : "examples");
await import("./main");
