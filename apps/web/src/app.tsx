import { AnnouncementBanner } from "./components/announcement-banner";
import { AppHeader } from "./components/app-header";
import { gameWeb } from "./game-web";
import { ConnectionBanner } from "./components/connection-banner";
import { Toasts } from "./components/toasts";
import { LobbyScreen } from "./screens/lobby-screen";
import { NameScreen } from "./screens/name-screen";
import { RoomScreen } from "./screens/room-screen";
import { useLobbyStore } from "./store";

export function App() {
  const screen = useLobbyStore((s) => (!s.session ? "name" : s.room ? "room" : "lobby"));
  // A game whose board grows with the screen gets the window's width while it is on.
  const wide = useLobbyStore((s) => s.room?.game != null && gameWeb(s.room.mode).wide === true);
  return (
    <div className="app" data-screen={screen} data-wide={wide || undefined}>
      <AppHeader />
      <ConnectionBanner />
      <AnnouncementBanner />
      <main className="app-main">
        {screen === "name" && <NameScreen />}
        {screen === "lobby" && <LobbyScreen />}
        {screen === "room" && <RoomScreen />}
      </main>
      <Toasts />
    </div>
  );
}
