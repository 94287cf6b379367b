// The app with mocked IPC (fixtures from real engine output): for the accessibility run and
// screenshots in a plain browser. Not part of the production build.
import { installMockIpc } from "./api/mock";
import { mockSyncSample } from "./api/mock-sync";

const query = new URLSearchParams(location.search);
const store = query.get("store");
installMockIpc(store === "empty" || store === "damaged" ? store : "examples");
if (query.get("sync") === "sample") mockSyncSample();
await import("./main");
