// The app with mocked IPC (fixtures from real engine output): for the accessibility run and
// screenshots in a plain browser. Not part of the production build.
import { installMockIpc } from "./api/mock";

installMockIpc(new URLSearchParams(location.search).get("store") === "empty");
await import("./main");
