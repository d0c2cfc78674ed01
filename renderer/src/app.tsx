import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { ClerkScreen } from './screens/clerk/ClerkScreen.js';
import { CounterScreen } from './screens/counter/CounterScreen.js';
import { DisplayScreen } from './screens/display/DisplayScreen.js';
import { HomeScreen } from './screens/home/HomeScreen.js';
import { NotFoundScreen } from './screens/home/NotFoundScreen.js';
import { KioskScreen } from './screens/kiosk/KioskScreen.js';
import { PairScreen } from './screens/pair/PairScreen.js';

// The supervisor's screen (settings, staff, devices, reports with their charts) is its own chunk:
// a kiosk, booth, window or display never downloads it, and their initial script stays small.
const AdminScreen = lazy(() => import('./screens/admin/AdminScreen.js').then((m) => ({ default: m.AdminScreen })));
// The city supervisor's screen, served by the city service, likewise.
const CityScreen = lazy(() => import('./screens/city/CityScreen.js').then((m) => ({ default: m.CityScreen })));

export function App() {
  return (
    <Routes>
      <Route path="/" element={<HomeScreen />} />
      <Route path="/pair" element={<PairScreen />} />
      <Route path="/kiosk" element={<KioskScreen key="kiosk" mode="kiosk" />} />
      <Route path="/booth" element={<KioskScreen key="booth" mode="booth" />} />
      <Route path="/clerk" element={<ClerkScreen />} />
      <Route path="/display" element={<DisplayScreen />} />
      <Route path="/counter/*" element={<CounterScreen />} />
      <Route
        path="/admin/*"
        element={
          <Suspense fallback={null}>
            <AdminScreen />
          </Suspense>
        }
      />
      <Route
        path="/city/*"
        element={
          <Suspense fallback={null}>
            <CityScreen />
          </Suspense>
        }
      />
      <Route path="*" element={<NotFoundScreen />} />
    </Routes>
  );
}
