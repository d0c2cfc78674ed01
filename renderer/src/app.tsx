import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { HomeScreen } from './screens/home/HomeScreen.js';
import { NotFoundScreen } from './screens/home/NotFoundScreen.js';
import { KioskScreen } from './screens/kiosk/KioskScreen.js';
import { PairScreen } from './screens/pair/PairScreen.js';

// Only the citizen's screens (kiosk and booth) are in the entry script, which a kiosk loads before
// its first paint. Every other screen is its own chunk, loaded when that screen opens: the
// supervisor's (settings, staff, devices, reports with their charts), the city's, the window's
// console, the counter screen and the call display.
const AdminScreen = lazy(() => import('./screens/admin/AdminScreen.js').then((m) => ({ default: m.AdminScreen })));
const CityScreen = lazy(() => import('./screens/city/CityScreen.js').then((m) => ({ default: m.CityScreen })));
const ClerkScreen = lazy(() => import('./screens/clerk/ClerkScreen.js').then((m) => ({ default: m.ClerkScreen })));
const CounterScreen = lazy(() => import('./screens/counter/CounterScreen.js').then((m) => ({ default: m.CounterScreen })));
const DisplayScreen = lazy(() => import('./screens/display/DisplayScreen.js').then((m) => ({ default: m.DisplayScreen })));

const later = (screen: ReactNode) => <Suspense fallback={null}>{screen}</Suspense>;

export function App() {
  return (
    <Routes>
      <Route path="/" element={<HomeScreen />} />
      <Route path="/pair" element={<PairScreen />} />
      <Route path="/kiosk" element={<KioskScreen key="kiosk" mode="kiosk" />} />
      <Route path="/booth" element={<KioskScreen key="booth" mode="booth" />} />
      <Route path="/clerk" element={later(<ClerkScreen />)} />
      <Route path="/display" element={later(<DisplayScreen />)} />
      <Route path="/counter/*" element={later(<CounterScreen />)} />
      <Route path="/admin/*" element={later(<AdminScreen />)} />
      <Route path="/city/*" element={later(<CityScreen />)} />
      <Route path="*" element={<NotFoundScreen />} />
    </Routes>
  );
}
