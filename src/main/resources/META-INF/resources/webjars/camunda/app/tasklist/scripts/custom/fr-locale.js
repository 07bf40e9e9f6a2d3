/*
 * French for the parts of Tasklist that its locales/fr.json cannot reach: the date pickers and the texts
 * that form-js writes in English.
 *
 * How Camunda 7.24 loads it: scripts/config.js lists it in customScripts ('scripts/custom/fr-locale');
 * camunda-tasklist-bootstrap.js imports each entry as an ES module, with import() on
 * <app-root>/app/tasklist/<entry>.js?bust=7.24.0, after config.js and after the AngularJS modules
 * 'cam.tasklist' and 'cam.tasklist.custom' are declared, but before angular.bootstrap. RequireJS's
 * define/require are already removed from window at that point, so this is not an AMD module. The default
 * export of a custom script is registered as a Tasklist plugin: this module exports nothing and only has
 * side effects.
 *
 * It does something only when Tasklist runs in French, decided as Tasklist decides it: the first language
 * of the browser if config.js lists it in locales.availableLocales, else locales.fallbackLocale.
 *
 * Every global it uses (flatpickr, angular, moment, MutationObserver) is optional: when one is missing its
 * part is skipped. Nothing here may throw into Tasklist's start.
 */
(function () {
  'use strict';

  var root = typeof window !== 'undefined' ? window : typeof globalThis !== 'undefined' ? globalThis : {};

  function warn(what, error) {
    try {
      if (root.console && typeof root.console.warn === 'function') {
        root.console.warn('[fr-locale] ' + what, error);
      }
    } catch (ignored) {
      // nothing to do
    }
  }

  /** The language Tasklist picks (same rule as its determinePreferredLanguage). */
  function tasklistLanguage() {
    var conf = root.camTasklistConf || {};
    var locales = conf.locales || {};
    var available = Array.isArray(locales.availableLocales) ? locales.availableLocales : ['en'];
    var fallback = locales.fallbackLocale || 'en';
    var nav = root.navigator || {};
    var first =
      (Array.isArray(nav.languages) && nav.languages.length
        ? nav.languages[0]
        : nav.language || nav.browserLanguage || nav.systemLanguage || nav.userLanguage) || '';
    var language = String(first).split('-')[0].toLowerCase();
    return available.indexOf(language) > -1 ? language : fallback;
  }

  var french;
  try {
    french = tasklistLanguage() === 'fr';
  } catch (error) {
    warn('cannot tell the language of Tasklist', error);
    french = false;
  }
  if (!french) {
    return;
  }

  var MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
    'novembre', 'décembre'];
  var MONTHS_SHORT = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.',
    'déc.'];
  var DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
  var DAYS_SHORT = ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'];

  /* ---- flatpickr: the date picker of form-js (date and date-time fields of Camunda Forms) ---- */

  var FLATPICKR_FR = {
    weekdays: { shorthand: ['dim', 'lun', 'mar', 'mer', 'jeu', 'ven', 'sam'], longhand: DAYS },
    months: {
      shorthand: ['janv', 'févr', 'mars', 'avr', 'mai', 'juin', 'juil', 'août', 'sept', 'oct', 'nov', 'déc'],
      longhand: MONTHS
    },
    firstDayOfWeek: 1,
    ordinal: function (day) {
      return day > 1 ? '' : 'er';
    },
    rangeSeparator: ' au ',
    weekAbbreviation: 'Sem',
    scrollTitle: 'Défiler pour augmenter la valeur',
    toggleTitle: 'Cliquer pour basculer',
    yearAriaLabel: 'Année',
    monthAriaLabel: 'Mois',
    hourAriaLabel: 'Heure',
    minuteAriaLabel: 'Minute',
    time_24hr: true
  };

  function localizeFlatpickr(flatpickr) {
    try {
      if (flatpickr && typeof flatpickr.localize === 'function') {
        if (flatpickr.l10ns && typeof flatpickr.l10ns === 'object') {
          flatpickr.l10ns.fr = FLATPICKR_FR;
        }
        // form-js creates its pickers without a locale option: they use l10ns.default, which this replaces
        flatpickr.localize(FLATPICKR_FR);
      }
    } catch (error) {
      warn('cannot localise flatpickr', error);
    }
  }

  try {
    if (root.flatpickr) {
      localizeFlatpickr(root.flatpickr);
    } else {
      // flatpickr is bundled in lib/deps.js and sets window.flatpickr only when form-js first needs it:
      // localise it at that moment
      var existing = Object.getOwnPropertyDescriptor(root, 'flatpickr');
      if (!existing || existing.configurable) {
        var current;
        Object.defineProperty(root, 'flatpickr', {
          configurable: true,
          enumerable: true,
          get: function () {
            return current;
          },
          set: function (value) {
            current = value;
            localizeFlatpickr(value);
          }
        });
      }
    }
  } catch (error) {
    warn('cannot watch for flatpickr', error);
  }

  /* ---- moment: only if a global one exists (Tasklist's own moment gets dateLocales from fr.json) ---- */

  try {
    if (root.moment && typeof root.moment.locale === 'function') {
      root.moment.locale('fr');
    }
  } catch (error) {
    warn('cannot switch moment to French', error);
  }

  /* ---- AngularJS: uib-datepicker of the due date and follow-up date, and the date filter ---- */

  function frenchDates($locale, datepickerConfig) {
    var formats = $locale && $locale.DATETIME_FORMATS;
    if (formats) {
      formats.MONTH = MONTHS.slice();
      formats.STANDALONEMONTH = MONTHS.slice();
      formats.SHORTMONTH = MONTHS_SHORT.slice();
      formats.DAY = DAYS.slice();
      formats.SHORTDAY = DAYS_SHORT.slice();
      formats.FIRSTDAYOFWEEK = 0; // AngularJS counts from Monday
      formats.WEEKENDRANGE = [5, 6];
      formats.fullDate = 'EEEE d MMMM y';
      formats.longDate = 'd MMMM y';
      formats.mediumDate = 'd MMM y';
      formats.shortDate = 'dd/MM/y';
      formats.medium = 'd MMM y HH:mm:ss';
      formats.short = 'dd/MM/y HH:mm';
      formats.mediumTime = 'HH:mm:ss';
      formats.shortTime = 'HH:mm';
    }
    if (datepickerConfig) {
      datepickerConfig.startingDay = 1; // Monday
    }
  }

  try {
    var angular = root.angular;
    if (angular && typeof angular.module === 'function') {
      var module = null;
      ['cam.tasklist.custom', 'cam.tasklist'].some(function (name) {
        try {
          module = angular.module(name);
          return true;
        } catch (notDeclared) {
          return false;
        }
      });
      if (module && typeof module.run === 'function') {
        module.run(['$injector', function ($injector) {
          try {
            frenchDates(
              $injector.has('$locale') ? $injector.get('$locale') : null,
              $injector.has('uibDatepickerConfig') ? $injector.get('uibDatepickerConfig') : null);
          } catch (error) {
            warn('cannot localise the AngularJS dates', error);
          }
        }]);
      }
    }
  } catch (error) {
    warn('cannot register the AngularJS run block', error);
  }

  /* ---- form-js: its validation messages and a few labels are written in English in the library ---- */

  // [where: CSS selector of the form-js element holding the text, what, French]
  var ERRORS = '.fjs-form-field-error';
  var TEXTS = [
    [ERRORS, /^Field is required\.$/, 'Ce champ est obligatoire.'],
    [ERRORS, /^Field must have minimum value of (.+)\.$/, 'La valeur doit être au moins égale à $1.'],
    [ERRORS, /^Field must have maximum value of (.+)\.$/, 'La valeur doit être au plus égale à $1.'],
    [ERRORS, /^Field must have minimum length of (.+)\.$/, 'Ce champ doit comporter au moins $1 caractères.'],
    [ERRORS, /^Field must have maximum length of (.+)\.$/, 'Ce champ doit comporter au plus $1 caractères.'],
    [ERRORS, /^Field must match pattern (.+)\.$/, 'Ce champ doit respecter le format $1.'],
    [ERRORS, /^Field must be a valid email\.$/, 'Ce champ doit contenir une adresse électronique valide.'],
    [ERRORS, /^Field must be a valid\s+international phone number\. \(e\.g\. (.+)\)$/,
      'Ce champ doit contenir un numéro de téléphone international valide (par exemple +33 1 23 45 67 89).'],
    ['.fjs-select-display.fjs-select-placeholder', /^Select$/, 'Sélectionner'],
    ['.fjs-repeat-render-footer button', /^Add new$/, 'Ajouter'],
    ['.fjs-repeat-render-footer button', /^Collapse$/, 'Réduire'],
    ['.fjs-repeat-render-footer button', /^Expand all \((\d+)\)$/, 'Tout afficher ($1)'],
    ['.fjs-dropdownlist-empty', /^No results$/, 'Aucun résultat'],
    ['.fjs-dropdownlist-empty', /^All values selected$/, 'Toutes les valeurs sont sélectionnées']
  ];

  var ATTRIBUTES = {
    placeholder: [
      [/^Search$/, 'Rechercher']
    ],
    title: [
      [/^Remove tag$/, 'Retirer'],
      [/^Remove item$/, 'Retirer l’élément']
    ],
    'aria-label': [
      [/^Remove list item (\d+)$/, 'Retirer l’élément $1'],
      [/^Previous page$/, 'Page précédente'],
      [/^Next page$/, 'Page suivante'],
      [/^Increment$/, 'Augmenter'],
      [/^Decrement$/, 'Diminuer']
    ]
  };

  var FORM_SELECTOR = '.fjs-container, .fjs-form';

  /** The French of value by the first matching rule [regexp, French], or null; surrounding spaces are kept. */
  function translated(value, rules) {
    var trimmed = value.trim();
    for (var i = 0; i < rules.length; i++) {
      if (rules[i][0].test(trimmed)) {
        var replacement = trimmed.replace(rules[i][0], rules[i][1]);
        return value.replace(trimmed, function () {
          return replacement;
        });
      }
    }
    return null;
  }

  function textRules(element) {
    return TEXTS.filter(function (rule) {
      return !!element.closest(rule[0]);
    }).map(function (rule) {
      return [rule[1], rule[2]];
    });
  }

  /** form-js writes its date placeholder from the browser's date format, in English letters: jj/mm/aaaa. */
  function datePlaceholder(element, value) {
    if (element.classList && element.classList.contains('fjs-input') &&
        element.closest && element.closest('.fjs-datepicker') && /^[dmy]+([/.\- ][dmy]+)+$/.test(value)) {
      return value.replace(/d/g, 'j').replace(/y/g, 'a');
    }
    return null;
  }

  function inForm(element) {
    return !!(element && element.closest && element.closest(FORM_SELECTOR));
  }

  function translateText(node) {
    var data = node.data;
    if (!data || !data.trim() || !inForm(node.parentElement)) {
      return;
    }
    var text = translated(data, textRules(node.parentElement));
    if (text !== null && text !== data) {
      node.data = text;
    }
  }

  function translateAttributes(element) {
    if (!inForm(element)) {
      return;
    }
    Object.keys(ATTRIBUTES).forEach(function (name) {
      var value = element.getAttribute(name);
      if (!value) {
        return;
      }
      var text = translated(value, ATTRIBUTES[name]);
      if (text === null && name === 'placeholder') {
        text = datePlaceholder(element, value);
      }
      if (text !== null && text !== value) {
        element.setAttribute(name, text);
      }
    });
  }

  function translateTree(node) {
    if (node.nodeType === 3) {
      translateText(node);
      return;
    }
    if (node.nodeType !== 1) {
      return;
    }
    translateAttributes(node);
    var walker = root.document.createTreeWalker(node, 5 /* SHOW_ELEMENT | SHOW_TEXT */);
    var current = walker.nextNode();
    while (current) {
      if (current.nodeType === 3) {
        translateText(current);
      } else {
        translateAttributes(current);
      }
      current = walker.nextNode();
    }
  }

  function watchForms() {
    try {
      var document = root.document;
      if (!document || !document.body || typeof root.MutationObserver !== 'function') {
        return;
      }
      new root.MutationObserver(function (mutations) {
        mutations.forEach(function (mutation) {
          try {
            if (mutation.type === 'childList') {
              for (var i = 0; i < mutation.addedNodes.length; i++) {
                var added = mutation.addedNodes[i];
                var parent = added.nodeType === 1 ? added : added.parentElement;
                if (inForm(parent) || (added.querySelector && added.querySelector(FORM_SELECTOR))) {
                  translateTree(added);
                }
              }
            } else if (mutation.type === 'characterData') {
              translateText(mutation.target);
            } else if (mutation.type === 'attributes') {
              translateAttributes(mutation.target);
            }
          } catch (error) {
            warn('cannot translate a form-js text', error);
          }
        });
      }).observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: Object.keys(ATTRIBUTES)
      });
      var forms = document.querySelectorAll(FORM_SELECTOR);
      for (var i = 0; i < forms.length; i++) {
        translateTree(forms[i]);
      }
    } catch (error) {
      warn('cannot watch the form-js forms', error);
    }
  }

  try {
    if (root.document && root.document.readyState === 'loading') {
      root.document.addEventListener('DOMContentLoaded', watchForms);
    } else {
      watchForms();
    }
  } catch (error) {
    warn('cannot start watching the forms', error);
  }
})();
